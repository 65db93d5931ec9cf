//! S6: the account home (logged in): the e-mail row, then the reference's sections "My data"
//! (OsmAnd Cloud) and "Payments and purchases" (Purchases), then Delete account.

use leptos::prelude::*;

use crate::components::icons::{IconCart, IconCloud, IconLogout, IconPerson, IconPersonOff};
use crate::components::panel::PanelNav;
use crate::components::{ErrorBanner, Panel};
use crate::danger::EmailActions;
use crate::i18n::use_i18n;
use crate::routes::Route;

/// The second line of a home row: nothing yet, the figure, or why it is missing.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum RowLine {
    #[default]
    Loading,
    Ready(String),
    /// The row's own "could not be loaded" text followed by the reason, in the user's language.
    Failed(String),
}

impl RowLine {
    /// The line of a row whose figure comes from one server call: its value when it has one,
    /// else `failed` and the reason when the call failed, else still loading.
    pub fn of<T>(
        value: Option<T>,
        reason: Option<String>,
        show: impl FnOnce(T) -> String,
        failed: &str,
    ) -> RowLine {
        match (value, reason) {
            (Some(v), _) => RowLine::Ready(show(v)),
            (None, Some(reason)) => RowLine::Failed(format!("{failed} {reason}")),
            (None, None) => RowLine::Loading,
        }
    }

    /// The figure, when there is one.
    pub fn ready(&self) -> Option<String> {
        match self {
            RowLine::Ready(t) => Some(t.clone()),
            _ => None,
        }
    }

    /// The failure text, when loading failed.
    pub fn failed(&self) -> Option<String> {
        match self {
            RowLine::Failed(t) => Some(t.clone()),
            _ => None,
        }
    }
}

/// A row's failure under its link: what is missing and a "Try again" button (a button cannot sit
/// inside the row's link).
#[component]
fn RowProblem(
    #[prop(into)] line: Signal<RowLine>,
    on_retry: Option<Callback<()>>,
    id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        line.get().failed().map(|text| {
            view! {
                <div class="list__problem" role="alert" id=id>
                    <span class="list__problem-text">{text}</span>
                    {on_retry.map(|cb| view! {
                        <button type="button" class="btn btn--small" id=format!("{id}-retry") on:click=move |_| cb.run(())>
                            {move || i18n.t().retry}
                        </button>
                    })}
                </div>
            }
        })
    }
}

/// The account home. Presentational: the container passes the e-mail and the logout wiring.
#[component]
pub fn AccountHome(
    #[prop(into)] email: Signal<String>,
    on_logout: Callback<()>,
    #[prop(into)] logging_out: Signal<bool>,
    /// Why the last logout failed, if it did.
    #[prop(into)]
    logout_error: Signal<Option<String>>,
    /// Cloud storage used ("12.3 MB"), or why it is missing.
    #[prop(optional, into)]
    cloud_used: Signal<RowLine>,
    /// "Active · OsmAnd Pro" / "OsmAnd Start", or why it is missing.
    #[prop(optional, into)]
    purchases_line: Signal<RowLine>,
    /// Loads the storage figure again (offered when it failed).
    #[prop(optional)]
    on_retry_cloud: Option<Callback<()>>,
    /// Loads the plan again (offered when it failed).
    #[prop(optional)]
    on_retry_purchases: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let actions = move || {
        view! {
            <button
                type="button"
                class="icon-btn"
                id="se-logout-btn"
                title=move || i18n.t().logout
                aria-label=move || if logging_out.get() { i18n.t().logging_out } else { i18n.t().logout }
                disabled=move || logging_out.get()
                on:click=move |_| on_logout.run(())
            >
                <IconLogout/>
            </button>
        }
    };
    view! {
        <Panel
            title=Signal::derive(move || i18n.t().osmand_account.to_string())
            nav=PanelNav::Close(Route::Map.href())
            nav_id="se-login-menu-close"
            actions=ChildrenFn::to_children(actions)
        >
            <ErrorBanner message=logout_error id="se-logout-error"/>
            <ul class="list">
                <li class="list__row" id="se-login-menu-user-item">
                    <span class="list__icon"><IconPerson/></span>
                    <div class="list__text">
                        <span class="list__label">{move || i18n.t().email}</span>
                        <span class="list__value list__value--wrap" id="se-account-email">{move || email.get()}</span>
                    </div>
                    <EmailActions email=email/>
                </li>
                <li class="list__divider" aria-hidden="true"></li>
                <li class="list__heading"><h2 class="list__heading-text" id="se-login-menu-my-data">{move || i18n.t().account.home_my_data}</h2></li>
                <li>
                    <a class="list__row list__row--link" id="se-login-menu-osmand-cloud-item" href=Route::Cloud.href()>
                        <span class="list__icon"><IconCloud/></span>
                        <span class="list__text"><span class="list__value">{move || i18n.t().cloud_title}</span></span>
                        <span class="list__aside" id="se-login-menu-cloud-used">{move || cloud_used.get().ready()}</span>
                    </a>
                    <RowProblem line=cloud_used on_retry=on_retry_cloud id="se-login-menu-cloud-error"/>
                </li>
                <li class="list__divider" aria-hidden="true"></li>
                <li class="list__heading"><h2 class="list__heading-text" id="se-login-menu-payments">{move || i18n.t().account.home_payments}</h2></li>
                <li>
                    <a class="list__row list__row--link" id="se-login-menu-osmand-purchases" href=Route::Purchases.href()>
                        <span class="list__icon"><IconCart/></span>
                        <span class="list__text">
                            <span class="list__value">{move || i18n.t().purchases_title}</span>
                            <span class="list__sub" id="se-login-menu-purchases-status">{move || purchases_line.get().ready()}</span>
                        </span>
                    </a>
                    <RowProblem line=purchases_line on_retry=on_retry_purchases id="se-login-menu-purchases-error"/>
                </li>
                <li class="list__divider" aria-hidden="true"></li>
                <li>
                    <a class="list__row list__row--link" id="se-login-menu-delete-account" href=Route::DeleteAccount.href()>
                        <span class="list__icon"><IconPersonOff/></span>
                        <span class="list__text"><span class="list__value">{move || i18n.t().delete_account_title}</span></span>
                    </a>
                </li>
            </ul>
        </Panel>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_line_shows_the_figure_the_failure_or_nothing_yet() {
        let show = |n: i64| format!("{n} B");
        assert_eq!(
            RowLine::of(Some(5), None, show, "Not loaded."),
            RowLine::Ready("5 B".into())
        );
        // A value from an earlier load stays while a reload fails.
        assert_eq!(
            RowLine::of(Some(5), Some("Offline.".into()), show, "Not loaded."),
            RowLine::Ready("5 B".into())
        );
        let failed = RowLine::of(None, Some("Offline.".into()), show, "Not loaded.");
        assert_eq!(failed.failed().as_deref(), Some("Not loaded. Offline."));
        assert_eq!(failed.ready(), None);
        assert_eq!(
            RowLine::of(None, None, show, "Not loaded."),
            RowLine::Loading
        );
    }
}
