//! Texts of the "Cancel login link" dialog, in English (the other languages: `i18n/<code>.json`).

crate::i18n::text::table! {
    pub struct LinkStrings {
        pub title: &'static str,
        /// `{email}`: the account the link logs in to.
        pub intro: &'static str,
        pub validity: &'static str,
        pub advice: &'static str,
        pub cancel_link: &'static str,
        pub cancelling: &'static str,
        pub keep: &'static str,
        pub done: &'static str,
        pub not_valid: &'static str,
        pub close: &'static str,
    }
}

pub(crate) static EN: LinkStrings = LinkStrings {
    title: "Cancel login link",
    intro: "OsmAnd support made a link that logs in to {email} without a password.",
    validity: "Such a link works from 6 to 72 hours after it was made.",
    advice: "If you did not ask support for it, or no longer need it, cancel it: nobody can use it after that.",
    cancel_link: "Cancel the link",
    cancelling: "Cancelling…",
    keep: "Keep it",
    done: "The login link is cancelled. Nobody can log in with it any more.",
    not_valid: "This link is not valid any more, or it was already cancelled. There is nothing left to do.",
    close: "Close",
};
