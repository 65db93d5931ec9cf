//! Gallery states of the danger zone: each Change e-mail step and error, the Delete account page.

use leptos::prelude::*;

use crate::components::panel::PanelNav;
use crate::components::Panel;
use crate::danger::change_email::{ChangeEmailDialog, ChangeState, Step};
use crate::danger::delete_account::{DeleteAccountForm, DeleteState};
use crate::danger::rules::{Failure, Field};
use crate::gallery::Entry;
use crate::gallery::Note;
use crate::routes::Route;

/// Designers' notes on this area's components (the gallery shows them beside the states).
pub const NOTES: &[Note] = &[
    Note {
        component: "danger-change-email",
        about: "Change the e-mail: a code to the old address, then one to the new address. Each check wears a code; after four wrong tries the field says the code no longer works and focus moves to “Send a new code”.",
        used_in: "Account → Change e-mail (dialog)",
        reference: "S7 Change email",
        ids: &[
            "se-change-email-dialog",
            "se-change-email-next",
            "se-change-email-finish",
            "se-change-email-resend-old",
            "se-change-email-resend-new",
            "se-change-email-error",
        ],
    },
    Note {
        component: "danger-delete-account",
        about: "Delete the account and its cloud data after a code sent by e-mail. After four wrong codes the field says the code no longer works and focus moves to “Send a new code”. The server answers only once every stored file is deleted, so the button waits up to 10 minutes; when no answer comes the page asks who is logged in and says whether the account is still there, with “Check again”.",
        used_in: "Account → Delete account (/map/delete-account/)",
        reference: "S9 Delete account",
        ids: &[
            "se-delete-account-dialog",
            "se-delete-send-code",
            "se-delete-account-btn",
            "se-delete-account-error",
            "se-delete-check-again",
        ],
    },
];

const ME: &str = "demo@example.com";
const NEW: &str = "new.address@example.org";

fn failure(field: Field, text: &str) -> Option<Failure> {
    Some(Failure {
        field,
        text: text.into(),
    })
}

/// What a field shows once its code is used up (in the gallery's language).
fn used_up(field: Field) -> Option<Failure> {
    failure(
        field,
        crate::i18n::use_i18n().t_untracked().danger.code_used_up,
    )
}

/// What the page shows when the server refuses with `text` (through the one error mapping).
fn refused(field: Field, text: &str) -> Option<Failure> {
    let err = osmand_api::error::ApiError::Rejected {
        status: 400,
        text: text.into(),
    };
    failure(
        field,
        // In the language the state is shown in.
        &crate::errors::error_message(&err, crate::i18n::use_i18n().t_untracked()),
    )
}

fn change(setup: fn(&ChangeState)) -> AnyView {
    let st = ChangeState::new(ME.into());
    setup(&st);
    let noop = || Callback::new(|_| ());
    view! {
        <ChangeEmailDialog open=Signal::stored(true) state=st on_close=noop() on_resend_old=noop()
            on_next=noop() on_resend_new=noop() on_back=noop() on_finish=noop() on_login=noop()/>
    }
    .into_any()
}

/// The code was sent and both fields are filled in, ready to delete.
fn filled(st: &DeleteState) {
    st.sent.set(true);
    st.typed.set(ME.into());
    st.code.set("1234".into());
}

/// The deletion's answer did not arrive; the page says what it found (`text`).
fn answer_lost(st: &DeleteState, text: &str) {
    filled(st);
    st.unconfirmed.set(true);
    st.failure.set(failure(Field::General, text));
}

fn delete(setup: fn(&DeleteState)) -> AnyView {
    let st = DeleteState::new(ME.into());
    setup(&st);
    let i18n = crate::i18n::use_i18n();
    // Inside the panel, as the route shows it (the page's insets are the panel's).
    view! {
        <Panel title=Signal::derive(move || i18n.t().danger.delete_title.to_string())
            nav=PanelNav::Back(Route::Account.href())>
            <DeleteAccountForm state=st on_send=Callback::new(|_| ()) on_delete=Callback::new(|_| ())
                on_check=Callback::new(|_| ())/>
        </Panel>
    }
    .into_any()
}

fn step_new(st: &ChangeState) {
    st.old_code.set("4821".into());
    st.new_email.set(NEW.into());
    st.sent_to.set(Some(NEW.into()));
    st.step.set(Step::New);
}

/// Every state of this area's components, for the designers' gallery.
pub fn entries() -> Vec<Entry> {
    vec![
        Entry {
            component: "danger-change-email",
            state: "sending-code",
            render: || change(|st| st.sending.set(true)),
        },
        Entry {
            component: "danger-change-email",
            state: "code-sent",
            render: || change(|st| st.sent_to.set(Some(ME.into()))),
        },
        Entry {
            component: "danger-change-email",
            state: "wrong-old-code",
            render: || {
                change(|st| {
                    st.sent_to.set(Some(ME.into()));
                    st.old_code.set("1111".into());
                    st.new_email.set(NEW.into());
                    st.failure.set(refused(
                        Field::OldCode,
                        "Token is not valid or expired (24h)",
                    ));
                })
            },
        },
        Entry {
            component: "danger-change-email",
            state: "old-code-used-up",
            render: || {
                change(|st| {
                    st.sent_to.set(Some(ME.into()));
                    st.old_code.set("4821".into());
                    st.new_email.set(NEW.into());
                    st.failure.set(used_up(Field::OldCode));
                })
            },
        },
        Entry {
            component: "danger-change-email",
            state: "address-taken",
            render: || {
                change(|st| {
                    st.sent_to.set(Some(ME.into()));
                    st.old_code.set("4821".into());
                    st.new_email.set("start@example.com".into());
                    st.failure.set(refused(
                        Field::NewEmail,
                        "User was already registered with such email",
                    ));
                })
            },
        },
        Entry {
            component: "danger-change-email",
            state: "checking",
            render: || {
                change(|st| {
                    st.sent_to.set(Some(ME.into()));
                    st.old_code.set("4821".into());
                    st.new_email.set(NEW.into());
                    st.busy.set(true);
                })
            },
        },
        Entry {
            component: "danger-change-email",
            state: "new-code",
            render: || change(step_new),
        },
        Entry {
            component: "danger-change-email",
            state: "wrong-new-code",
            render: || {
                change(|st| {
                    step_new(st);
                    st.new_code.set("0000".into());
                    st.failure.set(refused(
                        Field::NewCode,
                        "Token is not valid or expired (24h)",
                    ));
                })
            },
        },
        Entry {
            component: "danger-change-email",
            state: "new-code-used-up",
            render: || {
                change(|st| {
                    step_new(st);
                    st.new_code.set("5930".into());
                    st.failure.set(used_up(Field::NewCode));
                })
            },
        },
        Entry {
            component: "danger-change-email",
            state: "network-error",
            render: || {
                change(|st| {
                    step_new(st);
                    st.new_code.set("5930".into());
                    st.failure.set(failure(
                        Field::General,
                        crate::i18n::use_i18n().t_untracked().err_network,
                    ));
                })
            },
        },
        Entry {
            component: "danger-change-email",
            state: "done",
            render: || {
                change(|st| {
                    step_new(st);
                    st.step.set(Step::Done);
                })
            },
        },
        Entry {
            component: "danger-delete-account",
            state: "start",
            render: || delete(|_| ()),
        },
        Entry {
            component: "danger-delete-account",
            state: "code-sent",
            render: || delete(|st| st.sent.set(true)),
        },
        Entry {
            component: "danger-delete-account",
            state: "email-mismatch",
            render: || {
                delete(|st| {
                    st.sent.set(true);
                    st.typed.set("someone@example.com".into());
                    st.code.set("1234".into());
                    st.failure.set(failure(
                        Field::Email,
                        crate::i18n::use_i18n().t_untracked().danger.email_mismatch,
                    ));
                })
            },
        },
        Entry {
            component: "danger-delete-account",
            state: "wrong-code",
            render: || {
                delete(|st| {
                    st.sent.set(true);
                    st.typed.set(ME.into());
                    st.code.set("9999".into());
                    st.failure.set(refused(
                        Field::Code,
                        "Token is not valid or expired (24h), or password is not valid",
                    ));
                })
            },
        },
        Entry {
            component: "danger-delete-account",
            state: "code-used-up",
            render: || {
                delete(|st| {
                    filled(st);
                    st.failure.set(used_up(Field::Code));
                })
            },
        },
        Entry {
            component: "danger-delete-account",
            state: "deleting",
            render: || {
                delete(|st| {
                    filled(st);
                    st.deleting.set(true);
                })
            },
        },
        Entry {
            component: "danger-delete-account",
            state: "answer-lost-checking",
            render: || {
                delete(|st| {
                    filled(st);
                    st.deleting.set(true);
                    st.checking.set(true);
                })
            },
        },
        Entry {
            component: "danger-delete-account",
            state: "answer-lost-still-there",
            render: || {
                delete(|st| {
                    answer_lost(
                        st,
                        crate::i18n::use_i18n()
                            .t_untracked()
                            .danger
                            .delete_still_there,
                    )
                })
            },
        },
        Entry {
            component: "danger-delete-account",
            state: "answer-lost-unknown",
            render: || {
                delete(|st| {
                    answer_lost(
                        st,
                        crate::i18n::use_i18n().t_untracked().danger.delete_unknown,
                    )
                })
            },
        },
    ]
}
