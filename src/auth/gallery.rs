//! Gallery states of the cancel-login-link dialog (the other auth screens are listed in
//! `gallery/entries.rs`).

use leptos::prelude::*;
use osmand_api::client::LINK_NOT_VALID;
use osmand_api::error::ApiError;

use crate::auth::cancel_link::{outcome, CancelLinkDialog, Phase};
use crate::gallery::{Entry, Note};

/// Designers' notes on this file's components (the gallery shows them beside the states).
pub const NOTES: &[Note] = &[Note {
    component: "cancel-login-link",
    about: "Cancels a login link support made, from the cancel link in the owner's e-mail.",
    used_in: "/map/account/?email=…&cancel-link=… (over the account panel, logged in or not)",
    reference: "S19 cancel-login-link dialog",
    ids: &[
        "se-cancel-login-link-dialog",
        "se-cancel-login-link-btn",
        "se-cancel-login-link-done",
        "se-cancel-login-link-invalid",
    ],
}];

fn dialog(phase: Phase) -> AnyView {
    let noop = || Callback::new(|_| ());
    view! {
        <CancelLinkDialog email="demo@example.com".to_string() phase=Signal::stored(phase)
            on_cancel=noop() on_close=noop()/>
    }
    .into_any()
}

/// Every state of the dialog.
pub fn entries() -> Vec<Entry> {
    vec![
        Entry {
            component: "cancel-login-link",
            state: "ask",
            render: || dialog(Phase::Ask),
        },
        Entry {
            component: "cancel-login-link",
            state: "cancelling",
            render: || dialog(Phase::Cancelling),
        },
        Entry {
            component: "cancel-login-link",
            state: "done",
            render: || dialog(Phase::Done),
        },
        Entry {
            component: "cancel-login-link",
            state: "not-valid",
            render: || {
                let used = ApiError::Rejected {
                    status: 400,
                    text: LINK_NOT_VALID.into(),
                };
                dialog(outcome(Err(&used)))
            },
        },
        Entry {
            component: "cancel-login-link",
            state: "failed",
            render: || dialog(Phase::Failed(ApiError::Network("Failed to fetch".into()))),
        },
    ]
}
