//! S6: the account home (logged in).

use leptos::prelude::*;

use crate::components::icons::{IconCart, IconCloud, IconLogout, IconPerson, IconPersonOff};
use crate::components::panel::PanelNav;
use crate::components::{ErrorBanner, Panel};
use crate::danger::EmailActions;
use crate::i18n::use_i18n;
use crate::routes::Route;

/// The account home. Presentational: the container passes the e-mail and the logout wiring.
#[component]
pub fn AccountHome(
    #[prop(into)] email: Signal<String>,
    on_logout: Callback<()>,
    #[prop(into)] logging_out: Signal<bool>,
    /// Why the last logout failed, if it did.
    #[prop(into)]
    logout_error: Signal<Option<String>>,
    /// Cloud storage used ("12.3 MB"); nothing while unknown.
    #[prop(optional, into)]
    cloud_used: Signal<Option<String>>,
    /// "Active · OsmAnd Pro" / "OsmAnd Start"; nothing while unknown.
    #[prop(optional, into)]
    purchases_line: Signal<Option<String>>,
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
                <li>
                    <a class="list__row list__row--link" id="se-login-menu-osmand-cloud-item" href=Route::Cloud.href()>
                        <span class="list__icon"><IconCloud/></span>
                        <span class="list__text"><span class="list__value">{move || i18n.t().cloud_title}</span></span>
                        <span class="list__aside" id="se-login-menu-cloud-used">{move || cloud_used.get()}</span>
                    </a>
                </li>
                <li>
                    <a class="list__row list__row--link" id="se-login-menu-osmand-purchases" href=Route::Purchases.href()>
                        <span class="list__icon"><IconCart/></span>
                        <span class="list__text">
                            <span class="list__value">{move || i18n.t().purchases_title}</span>
                            <span class="list__sub" id="se-login-menu-purchases-status">{move || purchases_line.get()}</span>
                        </span>
                    </a>
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
