//! A new password typed twice, with live validation and show/hide toggles.

use leptos::html::Input;
use leptos::prelude::*;

use crate::auth::rules::{password_problem, PasswordProblem, MIN_PASSWORD};
use crate::components::TextField;
use crate::i18n::{plural, use_i18n, Locale};

/// Which labels to use.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum PairLabels {
    /// "Password" / "Confirm password" (sign-up).
    Create,
    /// "New password" / "Repeat new password" (reset).
    Change,
}

/// The live message: for a short password, how many characters are still missing (the hint under
/// the field already gives the rule).
fn problem_text(p: PasswordProblem, password: &str, locale: Locale) -> String {
    let s = locale.strings();
    match p {
        PasswordProblem::TooShort => {
            let missing = MIN_PASSWORD.saturating_sub(password.chars().count());
            plural(s.err_password_missing, missing as i64, locale)
        }
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
        Some(p @ PasswordProblem::TooShort) => {
            Some(problem_text(p, &password.get(), i18n.locale()))
        }
        _ => None,
    });
    let second_error = Signal::derive(move || match problem.get() {
        Some(p @ PasswordProblem::Mismatch) => Some(problem_text(p, "", i18n.locale())),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_length_error_says_what_is_missing_not_the_hint_again() {
        for locale in Locale::ALL {
            let s = locale.strings();
            let text = problem_text(PasswordProblem::TooShort, "abcde", locale);
            assert_ne!(text, s.min_8);
            assert!(!text.contains(s.min_8.trim_end_matches('.')), "{text}");
            assert!(text.contains('3'), "{text}");
        }
        assert_eq!(
            problem_text(PasswordProblem::TooShort, "abcdefg", Locale::En),
            "Too short: add 1 more character."
        );
        assert_eq!(
            problem_text(PasswordProblem::TooShort, "ab", Locale::Nl),
            "Te kort: nog 6 tekens nodig."
        );
    }
}
