//! S9: Delete account (`/map/delete-account/`) — what is deleted, a code by e-mail, the address
//! typed again, one clearly destructive button that cannot be pressed twice.

use leptos::prelude::*;
use osmand_api::client::CodeAction;

use crate::auth::rules::{code_complete, CodeWear, CODE_INPUT_MAX};
use crate::call::Call;
use crate::components::field::{clear_on_edit, digits_only};
use crate::components::panel::PanelNav;
use crate::components::{ErrorBanner, InfoBanner, Panel, TextField};
use crate::danger::rules::{
    check_delete, code_refusal, deletion_from_auth_info, Deletion, Failure, Field, Problem,
};
use crate::errors::error_message;
use crate::i18n::{fill, use_i18n};
use crate::routes::Route;
use crate::session::{use_session, LogOut};

/// Everything the page shows (the gallery builds one with fixed values).
#[derive(Clone, Copy)]
pub struct DeleteState {
    pub account: RwSignal<String>,
    pub typed: RwSignal<String>,
    pub code: RwSignal<String>,
    pub sending: RwSignal<bool>,
    pub sent: RwSignal<bool>,
    pub deleting: RwSignal<bool>,
    /// Finding out what became of a deletion whose answer did not arrive.
    pub checking: RwSignal<bool>,
    /// The last deletion's answer did not arrive and the account was still there (or could
    /// not be asked about): "Check again" is offered.
    pub unconfirmed: RwSignal<bool>,
    pub failure: RwSignal<Option<Failure>>,
    /// The code on screen: every `delete-account` check wears it.
    pub wear: RwSignal<CodeWear>,
}

impl DeleteState {
    pub fn new(account: String) -> Self {
        DeleteState {
            account: RwSignal::new(account),
            typed: RwSignal::new(String::new()),
            code: RwSignal::new(String::new()),
            sending: RwSignal::new(false),
            sent: RwSignal::new(false),
            deleting: RwSignal::new(false),
            checking: RwSignal::new(false),
            unconfirmed: RwSignal::new(false),
            failure: RwSignal::new(None),
            wear: RwSignal::new(CodeWear::default()),
        }
    }

    fn error_for(&self, field: Field) -> Signal<Option<String>> {
        let failure = self.failure;
        Signal::derive(move || {
            failure.with(|f| f.as_ref().and_then(|f| f.text_for(field)).map(String::from))
        })
    }

    fn fail(&self, field: Field, text: String) {
        self.failure.set(Some(Failure { field, text }));
    }
}

/// `/map/delete-account/` (logged in; the gate sends others to log in first).
#[component]
pub fn DeleteAccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let st = DeleteState::new(session.email().unwrap_or_default());
    // A refused code wears it; once it is used up the message says so and focus goes to the
    // button that sends a new one.
    let fail = move |e: &osmand_api::error::ApiError, code: Field, email: Field| {
        st.sending.set(false);
        st.deleting.set(false);
        st.checking.set(false);
        let now = crate::browser::now_ms();
        let (field, used_up) = st
            .wear
            .try_update(|w| code_refusal(e, code, email, w, now))
            .unwrap_or((Field::General, false));
        let text = if used_up {
            request_animation_frame(|| crate::browser::focus_id("se-delete-send-code"));
            i18n.t_untracked().danger.code_used_up.to_string()
        } else {
            error_message(e, i18n.t_untracked())
        };
        st.fail(field, text);
    };
    let send_code = Call::new(move |api, _: ()| async move {
        api.send_code(CodeAction::Delete, i18n.locale_untracked().code())
            .await
    })
    .on_ok(move |_| {
        st.sending.set(false);
        st.sent.set(true);
        st.wear.set(CodeWear::sent(crate::browser::now_ms()));
        st.code.set(String::new());
        // On to the first field still to fill: the address, or (typed already) the new code.
        if st.typed.with_untracked(|t| t.trim().is_empty()) {
            crate::browser::focus_id("delete-email");
        } else {
            crate::browser::focus_id("delete-code");
        }
    })
    .on_err(move |e| fail(e, Field::General, Field::General));
    // What a deletion came to. When its answer is lost (no answer in 10 minutes, or the
    // connection broke) the server may have deleted the account all the same: who is logged in
    // tells, since the server ends the session once the account is gone.
    let settle = move |d: &Deletion| {
        st.deleting.set(false);
        st.checking.set(false);
        let text = match d {
            Deletion::Confirmed | Deletion::SessionEnded => {
                let confirmed = *d == Deletion::Confirmed;
                session.log_out(LogOut::AccountDeleted { confirmed });
                return;
            }
            Deletion::StillThere => i18n.t_untracked().danger.delete_still_there,
            Deletion::Unknown => i18n.t_untracked().danger.delete_unknown,
        };
        st.unconfirmed.set(true);
        st.fail(Field::General, text.to_string());
    };
    let delete_account = Call::new(move |api, code: String| async move {
        match api.delete_account(&code).await {
            Ok(_) => Ok(Deletion::Confirmed),
            Err(e) if e.answer_lost() => {
                st.checking.try_set(true);
                Ok(deletion_from_auth_info(&api.auth_info().await))
            }
            Err(e) => Err(e),
        }
    })
    .on_ok(settle)
    .on_err(move |e| fail(e, Field::Code, Field::Email));
    let check_deletion =
        Call::new(|api, _: ()| async move { Ok(deletion_from_auth_info(&api.auth_info().await)) })
            .on_ok(settle);
    let check_again = Callback::new(move |_| {
        if st.checking.get_untracked() {
            return;
        }
        st.checking.set(true);
        st.failure.set(None);
        check_deletion.dispatch(());
    });
    let send = Callback::new(move |_| {
        if st.sending.get_untracked() {
            return;
        }
        st.sending.set(true);
        st.sent.set(false);
        st.failure.set(None);
        send_code.dispatch(());
    });
    let delete = Callback::new(move |_| {
        if st.deleting.get_untracked() {
            return;
        }
        let code = st.code.get_untracked();
        if let Some((field, p)) = check_delete(
            &st.account.get_untracked(),
            &st.typed.get_untracked(),
            &code,
        ) {
            let text = match p {
                Problem::EmailMismatch => i18n.t_untracked().danger.email_mismatch,
                Problem::CodeMissing => i18n.t_untracked().danger.code_needed,
                Problem::InvalidEmail | Problem::SameEmail => {
                    i18n.t_untracked().danger.invalid_email
                }
            };
            st.fail(field, text.to_string());
            return;
        }
        st.failure.set(None);
        st.unconfirmed.set(false);
        st.deleting.set(true);
        delete_account.dispatch(code);
    });
    // The page opens on the e-mail field, as the reference's dialog does.
    crate::components::focus::focus_id_when_shown("delete-email");
    view! {
        <Panel
            title=Signal::derive(move || i18n.t().danger.delete_title.to_string())
            nav=PanelNav::Back(Route::Account.href())
            nav_id="se-delete-account-back"
        >
            <DeleteAccountForm state=st on_send=send on_delete=delete on_check=check_again/>
        </Panel>
    }
}

/// The page's content. Presentational over a [`DeleteState`].
#[component]
pub fn DeleteAccountForm(
    state: DeleteState,
    on_send: Callback<()>,
    on_delete: Callback<()>,
    /// "Check again" after a deletion whose answer did not arrive.
    on_check: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let st = state;
    digits_only(st.code);
    clear_on_edit(st.typed, st.failure, |f| f.field == Field::Email);
    clear_on_edit(st.code, st.failure, |f| f.field == Field::Code);
    let sent_text = Signal::derive(move || {
        let email = st.account.get();
        if st.sending.get() {
            Some(fill(i18n.t().danger.sending_delete, &[("email", &email)]))
        } else if st.sent.get() {
            Some(fill(i18n.t().danger.sent_delete, &[("email", &email)]))
        } else {
            None
        }
    });
    let status = Signal::derive(move || {
        if st.checking.get() {
            Some(i18n.t().danger.checking.to_string())
        } else {
            st.deleting
                .get()
                .then(|| i18n.t().danger.deleting.to_string())
        }
    });
    let busy = move || st.deleting.get() || st.checking.get();
    view! {
        <div class="danger" id="se-delete-account-dialog">
            <h2 class="danger__title" id="se-delete-account-sure">{move || i18n.t().danger.delete_sure}</h2>
            <p class="danger__intro">{move || i18n.t().danger.delete_intro}</p>
            <ul class="danger__list">
                <li>{move || i18n.t().danger.delete_files}</li>
                <li>{move || i18n.t().danger.delete_devices}</li>
                <li>{move || i18n.t().danger.delete_purchases}</li>
            </ul>
            <p class="danger__intro">{move || i18n.t().danger.delete_final}</p>
            <InfoBanner message=sent_text id="se-delete-code-sent"/>
            <ErrorBanner message=st.error_for(Field::General) id="se-delete-account-error"/>
            <Show when=move || st.unconfirmed.get()>
                <button type="button" class="btn" id="se-delete-check-again" disabled=move || st.checking.get()
                    aria-busy=move || st.checking.get().to_string() on:click=move |_| on_check.run(())>
                    {move || i18n.t().danger.check_again}
                </button>
            </Show>
            <button type="button" class="btn" id="se-delete-send-code" disabled=move || st.sending.get() || busy()
                on:click=move |_| on_send.run(())>
                {move || if st.sent.get() || st.wear.with(|w| w.wears() > 0) { i18n.t().danger.resend } else { i18n.t().danger.send_code }}
            </button>
            <form class="danger__form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); on_delete.run(()); }>
                <TextField id="delete-email" label=Signal::derive(move || i18n.t().danger.your_email.to_string()) value=st.typed
                    input_type="email" autocomplete="off" error=st.error_for(Field::Email)
                    hint=Signal::derive(move || i18n.t().danger.your_email_hint.to_string())/>
                <TextField id="delete-code" label=Signal::derive(move || i18n.t().danger.delete_code.to_string()) value=st.code
                    autocomplete="one-time-code" inputmode="numeric" maxlength=CODE_INPUT_MAX error=st.error_for(Field::Code)/>
                <p class="danger__status" role="status">{move || status.get()}</p>
                <button type="submit" class="btn btn--danger" id="se-delete-account-btn"
                    disabled=move || busy() || st.typed.with(|t| t.trim().is_empty()) || !st.code.with(|c| code_complete(c))
                    aria-busy=move || busy().to_string()>
                    {move || i18n.t().danger.delete_button}
                </button>
            </form>
        </div>
    }
}
