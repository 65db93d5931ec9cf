//! Texts of the "Cancel login link" dialog, English and Dutch.

#[derive(Debug)]
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

pub(crate) static NL: LinkStrings = LinkStrings {
    title: "Inloglink intrekken",
    intro: "De ondersteuning van OsmAnd heeft een link gemaakt waarmee u zonder wachtwoord inlogt op {email}.",
    validity: "Zo’n link werkt van 6 tot 72 uur nadat hij is gemaakt.",
    advice: "Hebt u de ondersteuning er niet om gevraagd, of hebt u hem niet meer nodig? Trek hem dan in: daarna kan niemand hem nog gebruiken.",
    cancel_link: "Link intrekken",
    cancelling: "Bezig met intrekken…",
    keep: "Behouden",
    done: "De inloglink is ingetrokken. Niemand kan er nog mee inloggen.",
    not_valid: "Deze link is niet meer geldig of was al ingetrokken. U hoeft niets meer te doen.",
    close: "Sluiten",
};
