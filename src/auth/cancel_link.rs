//! S19's "Cancel login link" dialog. Support can make a link that logs one account in without a
//! password; the owner is mailed a cancel link, `/map/account/?email=<address>&cancel-link=<code>`,
//! which opens this dialog over the account panel (logged in or not: the call is public).
//! `POST /mapapi/auth/cancel-link` answers ok, or 400 "Link is not valid or already cancelled".

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use osmand_api::error::ApiError;

use crate::auth::rules::{looks_like_email, normalize_email};
use crate::call::Call;
use crate::components::{Dialog, ErrorBanner};
use crate::errors::{refusal_of, Refusal};
use crate::i18n::use_i18n;
use crate::routes::{use_query_param, Route};

/// Where the dialog is.
#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    Ask,
    Cancelling,
    Done,
    /// Unknown, for another address, or already cancelled: nothing left to do.
    NotValid,
    Failed(ApiError),
}

/// What the server's answer means for the user.
pub fn outcome(result: Result<(), &ApiError>) -> Phase {
    match result {
        Ok(()) => Phase::Done,
        Err(e) if e.server_text().and_then(refusal_of) == Some(Refusal::LinkNotValid) => {
            Phase::NotValid
        }
        Err(e) => Phase::Failed(e.clone()),
    }
}

/// The address and cancel code of a cancel link, if the URL carries a plausible pair (an e-mail
/// address and a hexadecimal code; anything else opens no dialog).
pub fn link_params(email: Option<&str>, code: Option<&str>) -> Option<(String, String)> {
    let email = normalize_email(email?);
    let code = code?.trim().to_ascii_lowercase();
    let hex = !code.is_empty() && code.len() <= 128 && code.chars().all(|c| c.is_ascii_hexdigit());
    (looks_like_email(&email) && hex).then_some((email, code))
}

/// The text before and after `{email}` in a template (the address goes in between, isolated).
fn around_email(template: &'static str) -> (&'static str, &'static str) {
    template.split_once("{email}").unwrap_or((template, ""))
}

/// Opens the dialog when the address is a cancel link; closing it leaves the plain account URL.
#[component]
pub fn CancelLinkFromUrl() -> impl IntoView {
    let email = use_query_param("email");
    let code = use_query_param("cancel-link");
    let params = Memo::new(move |_| link_params(email.get().as_deref(), code.get().as_deref()));
    let phase = RwSignal::new(Phase::Ask);
    let call = Call::new(|api, (email, code): (String, String)| async move {
        api.cancel_login_link(&email, &code).await
    })
    .on_ok(move |_| phase.set(outcome(Ok(()))))
    .on_err(move |e| phase.set(outcome(Err(e))));
    let navigate = use_navigate();
    let on_close = Callback::new(move |_| {
        call.abort();
        phase.set(Phase::Ask);
        let options = NavigateOptions {
            replace: true,
            ..NavigateOptions::default()
        };
        navigate(&Route::Account.href(), options);
    });
    let on_cancel = Callback::new(move |_| {
        if let Some(p) = params.get_untracked() {
            if phase.get_untracked() != Phase::Cancelling {
                phase.set(Phase::Cancelling);
                call.dispatch(p);
            }
        }
    });
    move || {
        params.get().map(|(email, _)| {
            view! { <CancelLinkDialog email=email phase=phase on_cancel=on_cancel on_close=on_close/> }
        })
    }
}

/// The dialog itself (the gallery shows each phase).
#[component]
pub fn CancelLinkDialog(
    email: String,
    #[prop(into)] phase: Signal<Phase>,
    on_cancel: Callback<()>,
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().link;
    let title = Signal::derive(move || t().title.to_string());
    let failure = Signal::derive(move || match phase.get() {
        Phase::Failed(e) => Some(crate::errors::error_message(&e, i18n.t())),
        _ => None,
    });
    let close_button = move || {
        view! {
            <div class="dialog__actions">
                <button type="button" class="btn btn--primary" id="se-cancel-login-link-close-btn"
                    on:click=move |_| on_close.run(())>
                    {move || t().close}
                </button>
            </div>
        }
    };
    let email = StoredValue::new(email);
    let body = move || {
        match phase.get() {
            Phase::Done => view! {
                <p class="dialog__text" role="status" id="se-cancel-login-link-done">{move || t().done}</p>
                {close_button()}
            }
            .into_any(),
            Phase::NotValid => view! {
                <p class="dialog__text" role="status" id="se-cancel-login-link-invalid">{move || t().not_valid}</p>
                {close_button()}
            }
            .into_any(),
            busy => {
                let cancelling = busy == Phase::Cancelling;
                view! {
                    <p class="dialog__text" id="se-cancel-login-link-text">
                        {move || around_email(t().intro).0}
                        <bdi class="email">{email.get_value()}</bdi>
                        {move || around_email(t().intro).1}
                    </p>
                    <p class="dialog__text">{move || t().validity}</p>
                    <p class="dialog__text">{move || t().advice}</p>
                    <ErrorBanner message=failure id="se-cancel-login-link-error"/>
                    <div class="dialog__actions">
                        <button type="button" class="btn" id="se-cancel-login-link-keep"
                            on:click=move |_| on_close.run(())>
                            {move || t().keep}
                        </button>
                        <button type="button" class="btn btn--danger" id="se-cancel-login-link-btn"
                            disabled=cancelling aria-busy=cancelling.then_some("true")
                            on:click=move |_| on_cancel.run(())>
                            {move || if cancelling { t().cancelling } else { t().cancel_link }}
                        </button>
                    </div>
                }
                .into_any()
            }
        }
    };
    view! {
        <Dialog open=Signal::stored(true) on_close=on_close title=title
            id="se-cancel-login-link-dialog" close_id="se-cancel-login-link-dialog-close">
            {body}
        </Dialog>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use osmand_api::client::LINK_NOT_VALID;

    #[test]
    fn only_a_plausible_pair_opens_the_dialog() {
        assert_eq!(
            link_params(Some(" Owner@Mail.org "), Some(" 0A1b2c ")),
            Some(("owner@mail.org".into(), "0a1b2c".into()))
        );
        assert_eq!(link_params(None, Some("0a1b")), None);
        assert_eq!(link_params(Some("owner@mail.org"), None), None);
        assert_eq!(link_params(Some("owner@mail.org"), Some("")), None);
        assert_eq!(link_params(Some("not an address"), Some("0a1b")), None);
        assert_eq!(link_params(Some("owner@mail.org"), Some("<script>")), None);
    }

    #[test]
    fn answers_mean_done_nothing_left_or_a_failure() {
        assert_eq!(outcome(Ok(())), Phase::Done);
        let used = ApiError::Rejected {
            status: 400,
            text: LINK_NOT_VALID.into(),
        };
        assert_eq!(outcome(Err(&used)), Phase::NotValid);
        let down = ApiError::Network("offline".into());
        assert_eq!(outcome(Err(&down)), Phase::Failed(down.clone()));
    }

    #[test]
    fn every_language_keeps_the_address_placeholder() {
        for locale in crate::i18n::Locale::ALL {
            assert!(
                locale.strings().link.intro.contains("{email}"),
                "{locale:?}"
            );
        }
    }
}
