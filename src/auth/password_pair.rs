//! A new password typed twice, with live validation and show/hide toggles.

use leptos::html::Input;
use leptos::prelude::*;

use crate::auth::rules::{password_problem, PasswordProblem};
use crate::components::TextField;
use crate::i18n::{use_i18n, Strings};

/// Which labels to use.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum PairLabels {
    /// "Password" / "Confirm password" (sign-up).
    Create,
    /// "New password" / "Repeat new password" (reset).
    Change,
}

fn problem_text(p: PasswordProblem, s: &Strings) -> String {
    match p {
        PasswordProblem::TooShort => s.err_password_short.to_string(),
        PasswordProblem::Mismatch => s.err_password_mismatch.to_string(),
    }
}

/// Two password fields. The length problem shows under the first, a mismatch under the second.
#[component]
pub fn PasswordPair(
    password: RwSignal<String>,
    confirm: RwSignal<String>,
    labels: PairLabels,
    #[prop(optional)] first_ref: Option<NodeRef<Input>>,
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let problem = Memo::new(move |_| password_problem(&password.get(), &confirm.get()));
    let first_error = Signal::derive(move || match problem.get() {
        Some(p @ PasswordProblem::TooShort) => Some(problem_text(p, i18n.t())),
        _ => None,
    });
    let second_error = Signal::derive(move || match problem.get() {
        Some(p @ PasswordProblem::Mismatch) => Some(problem_text(p, i18n.t())),
        _ => None,
    });
    let (first, second) = match labels {
        PairLabels::Create => (
            Signal::derive(move || i18n.t().password.to_string()),
            Signal::derive(move || i18n.t().confirm_password.to_string()),
        ),
        PairLabels::Change => (
            Signal::derive(move || i18n.t().new_password.to_string()),
            Signal::derive(move || i18n.t().repeat_password.to_string()),
        ),
    };
    view! {
        <TextField
            id="new-password"
            label=first
            value=password
            input_type="password"
            autocomplete="new-password"
            error=first_error
            hint=Signal::derive(move || i18n.t().min_8.to_string())
            node_ref=first_ref.unwrap_or_default()
            revealable=true
            disabled=disabled
        />
        <TextField
            id="confirm-password"
            label=second
            value=confirm
            input_type="password"
            autocomplete="new-password"
            error=second_error
            revealable=true
            disabled=disabled
        />
    }
}
