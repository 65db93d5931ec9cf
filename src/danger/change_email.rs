//! S7: Change e-mail — a code to the current address, the new address with that code, a code
//! to the new address, done. Every error stays next to its field and goes away when the field is
//! edited, so the user can always try again in place.

use leptos::prelude::*;
use osmand_api::client::CodeAction;
use osmand_api::error::ApiError;

use crate::auth::rules::normalize_email;
use crate::auth::rules::{code_complete, CodeWear, CODE_INPUT_MAX};
use crate::call::Call;
use crate::components::field::{clear_on_edit, digits_only};
use crate::components::{Dialog, ErrorBanner, InfoBanner, TextField};
use crate::ctx::ApiClient;
use crate::danger::rules::{check_change, code_refusal, field_of, Failure, Field, Problem};
use crate::danger::strings::DangerStrings;
use crate::errors::error_message;
use crate::i18n::{fill, use_i18n, I18n};

/// Where the dialog is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Code from the current address + the new address.
    Old,
    /// Code from the new address.
    New,
    /// Changed; the server has ended the session.
    Done,
}

/// Everything the dialog shows (the gallery builds one with fixed values).
#[derive(Clone, Copy)]
pub struct ChangeState {
    pub current: RwSignal<String>,
    pub step: RwSignal<Step>,
    pub old_code: RwSignal<String>,
    pub new_email: RwSignal<String>,
    pub new_code: RwSignal<String>,
    /// A call is running (buttons wait).
    pub busy: RwSignal<bool>,
    /// A code is being (re)sent.
    pub sending: RwSignal<bool>,
    /// The last code went out (to this address).
    pub sent_to: RwSignal<Option<String>>,
    pub failure: RwSignal<Option<Failure>>,
    /// The code sent to the current address: every `send-code-to-new-email` checks and wears it
    /// (Next and "Send a new code" on step 2 alike).
    pub old_wear: RwSignal<CodeWear>,
    /// The code sent to the new address: every `change-email` checks and wears it.
    pub new_wear: RwSignal<CodeWear>,
}

impl ChangeState {
    pub fn new(current: String) -> Self {
        ChangeState {
            current: RwSignal::new(current),
            step: RwSignal::new(Step::Old),
            old_code: RwSignal::new(String::new()),
            new_email: RwSignal::new(String::new()),
            new_code: RwSignal::new(String::new()),
            busy: RwSignal::new(false),
            sending: RwSignal::new(false),
            sent_to: RwSignal::new(None),
            failure: RwSignal::new(None),
            old_wear: RwSignal::new(CodeWear::default()),
            new_wear: RwSignal::new(CodeWear::default()),
        }
    }

    /// Starts over (each opening of the dialog).
    pub fn reset(&self) {
        self.step.set(Step::Old);
        self.old_code.set(String::new());
        self.new_email.set(String::new());
        self.new_code.set(String::new());
        self.busy.set(false);
        self.sending.set(false);
        self.sent_to.set(None);
        self.failure.set(None);
        self.old_wear.set(CodeWear::default());
        self.new_wear.set(CodeWear::default());
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

fn problem_text(p: Problem, s: &DangerStrings) -> String {
    match p {
        Problem::InvalidEmail => s.invalid_email,
        Problem::SameEmail => s.same_email,
        Problem::EmailMismatch => s.email_mismatch,
        Problem::CodeMissing => s.code_needed,
    }
    .to_string()
}

/// The dialog's four server calls, made once by the component that shows the dialog.
#[derive(Clone, Copy)]
pub struct ChangeCalls {
    send_old: Call<(), ()>,
    submit_old: Call<(String, String), String>,
    resend_new: Call<(String, String), String>,
    submit_new: Call<(String, String), ()>,
    i18n: I18n,
}

impl ChangeCalls {
    /// The calls for `st`; their answers land in `st`.
    pub fn new(st: ChangeState) -> Self {
        let i18n = use_i18n();
        let lang = move || i18n.locale_untracked().code();
        // A refusal goes under its field; a code refusal also wears that code, and once it is used
        // up the message says so and focus goes to the button that sends a new one.
        let fail = move |err: &ApiError,
                         code: Field,
                         email: Field,
                         wear: RwSignal<CodeWear>,
                         resend_id: &'static str| {
            st.busy.set(false);
            st.sending.set(false);
            let now = crate::browser::now_ms();
            let (field, used_up) = wear
                .try_update(|w| code_refusal(err, code, email, w, now))
                .unwrap_or((Field::General, false));
            let text = if used_up {
                request_animation_frame(move || crate::browser::focus_id(resend_id));
                i18n.t_untracked().danger.code_used_up.to_string()
            } else {
                error_message(err, i18n.t_untracked())
            };
            st.fail(field, text);
        };
        let send_old =
            Call::new(
                move |api, _: ()| async move { api.send_code(CodeAction::Change, lang()).await },
            )
            .on_ok(move |_| {
                // A code that replaces one sent in this dialog: back to its field.
                let resent = st.old_wear.get_untracked().sent_at().is_some();
                st.old_wear.set(CodeWear::sent(crate::browser::now_ms()));
                st.old_code.set(String::new());
                st.sending.set(false);
                st.sent_to.set(Some(st.current.get_untracked()));
                if resent {
                    crate::browser::focus_id("change-old-code");
                }
            })
            .on_err(move |e| {
                fail(
                    e,
                    Field::OldCode,
                    Field::General,
                    st.old_wear,
                    "se-change-email-resend-old",
                )
            });
        // Next and "Send a new code" on step 2 make the same request; they differ in what the
        // dialog shows next. Both check the old code, so both wear it, and both send a new code
        // to the new address.
        let to_new = move |api: ApiClient, (new, code): (String, String)| async move {
            api.send_code_to_new_email(&new, &code, lang())
                .await
                .map(|()| new)
        };
        let new_code_sent = move |new: &String| {
            st.old_wear.update(CodeWear::wear);
            st.new_wear.set(CodeWear::sent(crate::browser::now_ms()));
            st.new_code.set(String::new());
            st.sent_to.set(Some(new.clone()));
        };
        let submit_old = Call::new(to_new)
            .on_ok(move |new: &String| {
                st.busy.set(false);
                st.new_email.set(new.clone());
                new_code_sent(new);
                st.step.set(Step::New);
                request_animation_frame(|| crate::browser::focus_id("change-new-code"));
            })
            .on_err(move |e| {
                // "Already registered" comes after the server checked (and wore) the code.
                if field_of(e, Field::OldCode, Field::NewEmail) == Field::NewEmail {
                    st.old_wear.update(CodeWear::wear);
                }
                fail(
                    e,
                    Field::OldCode,
                    Field::NewEmail,
                    st.old_wear,
                    "se-change-email-resend-old",
                )
            });
        let resend_new = Call::new(to_new)
            .on_ok(move |new: &String| {
                st.sending.set(false);
                new_code_sent(new);
                crate::browser::focus_id("change-new-code");
            })
            .on_err(move |e| {
                if field_of(e, Field::OldCode, Field::General) != Field::OldCode {
                    fail(e, Field::NewCode, Field::General, st.new_wear, "")
                } else {
                    // The code refused here is the old one, which Next accepted before: it has
                    // worn out. Back to step 1, where a new one can be requested.
                    st.sending.set(false);
                    st.old_wear.update(CodeWear::wear);
                    st.step.set(Step::Old);
                    st.fail(
                        Field::OldCode,
                        i18n.t_untracked().danger.code_used_up.to_string(),
                    );
                    request_animation_frame(|| {
                        crate::browser::focus_id("se-change-email-resend-old")
                    });
                }
            });
        let submit_new = Call::new(move |api, (new, code): (String, String)| async move {
            api.change_email(&new, &code, lang()).await
        })
        .on_ok(move |_| {
            st.busy.set(false);
            st.step.set(Step::Done);
        })
        .on_err(move |e| {
            fail(
                e,
                Field::NewCode,
                Field::General,
                st.new_wear,
                "se-change-email-resend-new",
            )
        });
        ChangeCalls {
            send_old,
            submit_old,
            resend_new,
            submit_new,
            i18n,
        }
    }

    /// Sends a code to the current address (on opening, and for "Send a new code").
    pub fn send_old_code(&self, st: ChangeState) {
        if st.sending.get_untracked() {
            return;
        }
        st.sending.set(true);
        st.sent_to.set(None);
        self.send_old.dispatch(());
    }

    /// Next: proves the old code and sends a code to the new address.
    pub fn submit_old(&self, st: ChangeState) {
        if st.busy.get_untracked() {
            return;
        }
        let (current, code, new) = (
            st.current.get_untracked(),
            st.old_code.get_untracked(),
            st.new_email.get_untracked(),
        );
        if let Some((field, p)) = check_change(&current, &code, &new) {
            st.fail(field, problem_text(p, self.i18n.t_untracked().danger));
            return;
        }
        st.failure.set(None);
        st.busy.set(true);
        self.submit_old.dispatch((normalize_email(&new), code));
    }

    /// "Send a new code" on step 2: the same call again (the old code is still good for 24 h).
    pub fn resend_new(&self, st: ChangeState) {
        if st.sending.get_untracked() || st.busy.get_untracked() {
            return;
        }
        st.sending.set(true);
        st.failure.set(None);
        self.resend_new
            .dispatch((st.new_email.get_untracked(), st.old_code.get_untracked()));
    }

    /// Finish: the code from the new address changes the e-mail.
    pub fn submit_new(&self, st: ChangeState) {
        if st.busy.get_untracked() {
            return;
        }
        let code = st.new_code.get_untracked();
        if !code_complete(&code) {
            st.fail(
                Field::NewCode,
                problem_text(Problem::CodeMissing, self.i18n.t_untracked().danger),
            );
            return;
        }
        st.failure.set(None);
        st.busy.set(true);
        self.submit_new
            .dispatch((st.new_email.get_untracked(), code));
    }
}

/// The dialog. Presentational over a [`ChangeState`]; the callbacks run the calls.
#[component]
pub fn ChangeEmailDialog(
    #[prop(into)] open: Signal<bool>,
    state: ChangeState,
    on_close: Callback<()>,
    on_resend_old: Callback<()>,
    on_next: Callback<()>,
    on_resend_new: Callback<()>,
    on_back: Callback<()>,
    on_finish: Callback<()>,
    /// After Done: log in with the new address.
    on_login: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let st = state;
    let title = Signal::derive(move || {
        if st.step.get() == Step::Done {
            i18n.t().danger.done_title.to_string()
        } else {
            i18n.t().danger.change_email.to_string()
        }
    });
    // A field's message disappears once the field is edited (`clear_on_edit`): the
    // next try is always possible, unlike the reference's dialog.
    digits_only(st.old_code);
    digits_only(st.new_code);
    clear_on_edit(st.old_code, st.failure, |f| f.field == Field::OldCode);
    clear_on_edit(st.new_email, st.failure, |f| f.field == Field::NewEmail);
    clear_on_edit(st.new_code, st.failure, |f| f.field == Field::NewCode);
    let general = st.error_for(Field::General);
    let sent_text = Signal::derive(move || {
        if st.sending.get() {
            let to = if st.step.get() == Step::New {
                st.new_email.get()
            } else {
                st.current.get()
            };
            return Some(fill(i18n.t().danger.sending_old, &[("email", &to)]));
        }
        st.sent_to.get().map(|to| {
            let template = if st.step.get() == Step::New {
                i18n.t().danger.new_intro
            } else {
                i18n.t().danger.sent_old
            };
            fill(template, &[("email", &to)])
        })
    });
    let body = move || {
        match st.step.get() {
        Step::Old => view! {
            <form class="dialog__form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); on_next.run(()); }>
                <p class="dialog__text">{move || i18n.t().danger.old_intro}</p>
                <InfoBanner message=sent_text id="se-change-email-sent"/>
                <TextField id="change-old-code" label=Signal::derive(move || i18n.t().danger.old_code.to_string()) value=st.old_code
                    autocomplete="one-time-code" inputmode="numeric" maxlength=CODE_INPUT_MAX error=st.error_for(Field::OldCode)/>
                <button type="button" class="btn btn--link" id="se-change-email-resend-old"
                    disabled=move || st.sending.get() on:click=move |_| on_resend_old.run(())>
                    {move || i18n.t().danger.resend}
                </button>
                <TextField id="change-new-email" label=Signal::derive(move || i18n.t().danger.new_email.to_string()) value=st.new_email
                    input_type="email" autocomplete="email" error=st.error_for(Field::NewEmail)/>
                <ErrorBanner message=general id="se-change-email-error"/>
                <div class="dialog__actions">
                    <button type="button" class="btn" id="se-change-email-cancel" on:click=move |_| on_close.run(())>
                        {move || i18n.t().cancel}
                    </button>
                    <button type="submit" class="btn btn--primary" id="se-change-email-next"
                        disabled=move || st.busy.get() || !st.old_code.with(|c| code_complete(c)) || st.new_email.with(|e| e.trim().is_empty())
                        aria-busy=move || st.busy.get().to_string()>
                        {move || i18n.t().danger.next}
                    </button>
                </div>
            </form>
        }.into_any(),
        Step::New => view! {
            <form class="dialog__form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); on_finish.run(()); }>
                <InfoBanner message=sent_text id="se-change-email-sent"/>
                <TextField id="change-new-code" label=Signal::derive(move || i18n.t().danger.new_code.to_string()) value=st.new_code
                    autocomplete="one-time-code" inputmode="numeric" maxlength=CODE_INPUT_MAX error=st.error_for(Field::NewCode)/>
                <button type="button" class="btn btn--link" id="se-change-email-resend-new"
                    disabled=move || st.sending.get() || st.busy.get() on:click=move |_| on_resend_new.run(())>
                    {move || i18n.t().danger.resend}
                </button>
                <ErrorBanner message=general id="se-change-email-error"/>
                <div class="dialog__actions">
                    <button type="button" class="btn" id="se-change-email-back" disabled=move || st.busy.get()
                        on:click=move |_| on_back.run(())>
                        {move || i18n.t().danger.back}
                    </button>
                    <button type="submit" class="btn btn--primary" id="se-change-email-finish"
                        disabled=move || st.busy.get() || !st.new_code.with(|c| code_complete(c))
                        aria-busy=move || st.busy.get().to_string()>
                        {move || i18n.t().danger.finish}
                    </button>
                </div>
            </form>
        }.into_any(),
        Step::Done => view! {
            <p class="dialog__text" id="se-change-email-done">
                {move || fill(i18n.t().danger.done_text, &[("email", &st.new_email.get())])}
            </p>
            <div class="dialog__actions">
                <button type="button" class="btn btn--primary" id="se-change-email-login" on:click=move |_| on_login.run(())>
                    {move || i18n.t().danger.login_new}
                </button>
            </div>
        }.into_any(),
    }
    };
    view! {
        <Dialog open=open on_close=on_close title=title id="se-change-email-dialog" close_id="se-change-email-dialog-close-btn">
            {body}
        </Dialog>
    }
}
