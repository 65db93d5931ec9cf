//! The ⋮ menu of the e-mail row (S6) with "Change email", and the dialog it opens.

use leptos::prelude::*;

use crate::components::{ActionMenu, MenuItem};
use crate::danger::change_email::{ChangeCalls, ChangeEmailDialog, ChangeState, Step};
use crate::i18n::use_i18n;
use crate::session::{use_session, LogOut};

/// The e-mail row's actions.
#[component]
pub fn EmailActions(#[prop(into)] email: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let open = RwSignal::new(false);
    let state = ChangeState::new(email.get_untracked());
    let calls = ChangeCalls::new(state);
    let run = move |f: fn(&ChangeCalls, ChangeState)| f(&calls, state);

    // After the change the server has ended the session: log out here too and open the login
    // form with the new address filled in.
    let to_login = move || {
        open.set(false);
        session.log_out(LogOut::EmailChanged {
            new_email: state.new_email.get_untracked(),
        });
    };
    let to_login = StoredValue::new_local(to_login);
    let close = Callback::new(move |_| {
        if state.step.get_untracked() == Step::Done {
            to_login.with_value(|f| f());
        } else if !state.busy.get_untracked() {
            open.set(false);
        }
    });
    let items = vec![MenuItem {
        id: "se-account-change-email".to_string(),
        label: Signal::derive(move || i18n.t().danger.change_email.to_string()),
        disabled: Signal::stored(false),
        on_select: Callback::new(move |_| {
            state.current.set(email.get_untracked());
            state.reset();
            open.set(true);
            run(ChangeCalls::send_old_code);
        }),
    }];
    view! {
        <ActionMenu
            id="se-login-menu-user-item-actions"
            label=Signal::derive(move || i18n.t().danger.actions_for_email.to_string())
            items=items
        />
        <ChangeEmailDialog
            open=open
            state=state
            on_close=close
            on_resend_old=Callback::new(move |_| run(ChangeCalls::send_old_code))
            on_next=Callback::new(move |_| run(ChangeCalls::submit_old))
            on_resend_new=Callback::new(move |_| run(ChangeCalls::resend_new))
            on_back=Callback::new(move |_| {
                state.failure.set(None);
                state.sent_to.set(None);
                state.new_code.set(String::new());
                state.step.set(Step::Old);
            })
            on_finish=Callback::new(move |_| run(ChangeCalls::submit_new))
            on_login=Callback::new(move |_| to_login.with_value(|f| f()))
        />
    }
}
