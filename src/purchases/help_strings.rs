//! Texts of the Purchases help screen (`/map/account/purchases/help`) in English (the other languages are in `i18n/<code>.json`): one
//! section per section of OsmAnd's purchases FAQ, in our own words, with the app's menu paths.
//! Which anchor each section has, and in which order they come, is said in `help.rs` (`Topic`).

/// One piece of a section's body.
#[derive(Debug, serde::Serialize)]
pub enum Block {
    /// A paragraph.
    Text(&'static str),
    /// A short lead-in above the steps that follow (the two ways of linking a purchase).
    Lead(&'static str),
    /// Numbered steps.
    Steps(&'static [&'static str]),
    /// A bullet list.
    Points(&'static [&'static str]),
    /// An external page: link text and address (allow-listed hosts only; opens in a new tab).
    Link(&'static str, &'static str),
}

impl Read for Block {
    fn read<S: Source>(s: &S) -> Result<Self, String> {
        let one = |key: &'static str| s.get(key).map(|v| (key, v));
        let (key, v) = one("Text")
            .or_else(|| one("Lead"))
            .or_else(|| one("Steps"))
            .or_else(|| one("Points"))
            .or_else(|| one("Link"))
            .ok_or(": not a Text, Lead, Steps, Points or Link block")?;
        text::members(s, &[key])?;
        let block = match key {
            "Text" => Text(Read::read(&v)?),
            "Lead" => Lead(Read::read(&v)?),
            "Steps" => Steps(Read::read(&v)?),
            "Points" => Points(Read::read(&v)?),
            _ => {
                let [label, url]: [&'static str; 2] = Read::read(&v)?;
                Link(label, url)
            }
        };
        Ok(block)
    }
}

crate::i18n::text::table! {
    /// A section: its heading and body.
    pub struct Section {
        pub title: &'static str,
        pub body: &'static [Block],
    }
}

crate::i18n::text::table! {
    pub struct HelpStrings {
        pub title: &'static str,
        pub intro: &'static str,
        pub contents: &'static str,
        /// The link to this screen from the purchases list, the details and the empty state.
        pub link: &'static str,
        pub cross_platform: Section,
        pub link_purchase: Section,
        pub several_accounts: Section,
        pub huawei: Section,
        pub amazon: Section,
        pub topography: Section,
        pub unlimited: Section,
        pub ios_full_version: Section,
        pub free_downloads: Section,
        pub extra_downloads: Section,
        pub verification_code: Section,
    }
}

use crate::i18n::text::{self, Read, Source};
use Block::{Lead, Link, Points, Steps, Text};

const DOCS_ANDROID: &str = "https://osmand.net/docs/user/purchases/android";
const DOCS_IOS: &str = "https://osmand.net/docs/user/purchases/ios";
const DOCS_CROSS: &str = "https://osmand.net/docs/user/purchases/cross";
const DOCS_WEB: &str = "https://osmand.net/docs/user/purchases/web";
const DOCS_CLOUD: &str = "https://osmand.net/docs/user/personal/osmand-cloud#cross-platform";
const DOCS_ANDROID_INSTALL: &str =
    "https://osmand.net/docs/user/purchases/android#install-application";
const DOCS_ANDROID_RESTORE: &str =
    "https://osmand.net/docs/user/purchases/android#restore-subscription--in-app";
const HMS_CORE: &str = "https://consumer.huawei.com/za/community/details/Download-the-latest-Huawei-HMS-Core-APK-5-3-0-312/topicId-142217/";
const HUAWEI_ORDERS: &str = "https://consumer.huawei.com/en/support/content/en-us00694318/";
const TOPOGRAPHY_APP: &str =
    "https://play.google.com/store/apps/details?id=net.osmand.srtmPlugin.paid";

pub(crate) static EN: HelpStrings = HelpStrings {
    title: "Purchases help",
    intro: "Answers to the questions people ask most about OsmAnd purchases, taken from the OsmAnd user guide.",
    contents: "On this page",
    link: "Purchases help",
    cross_platform: Section {
        title: "Purchases on every platform",
        body: &[
            Text("Since OsmAnd 5.0, OsmAnd Pro and Maps+ (called “All world maps” on iOS) are cross-platform subscriptions for Android and iOS. Bought in one store, for example Google Play or Huawei AppGallery on Android, they also work on iOS and in the web version."),
            Points(&[
                "A cross-platform subscription works on several devices and platforms, as long as they are linked to the same OsmAnd Cloud account.",
                "One-time purchases such as OsmAnd+ for Android, and purchases tied to one store, cannot be moved to another platform.",
                "OsmAnd Pro can be used on up to 6 devices, even when they run different operating systems.",
                "Use the same OsmAnd Cloud account on all your devices, so each of them reaches your purchases.",
            ]),
            Link("Android purchases (user guide)", DOCS_ANDROID),
            Link("iOS purchases (user guide)", DOCS_IOS),
            Link("Cross-platform purchases (user guide)", DOCS_CROSS),
            Link("OsmAnd web map purchases (user guide)", DOCS_WEB),
        ],
    },
    link_purchase: Section {
        title: "Link a purchase to your OsmAnd Cloud account",
        body: &[
            Lead("If you have no OsmAnd Cloud account yet:"),
            Steps(&[
                "Open OsmAnd on the device where you made the purchase.",
                "Go to Menu → Settings → OsmAnd Cloud and tap Create new account.",
                "When the account has been created, go to Menu → Settings → Purchases.",
                "Tap Restore purchases: the purchase is linked to your new account.",
            ]),
            Lead("If you already have an OsmAnd Cloud account:"),
            Steps(&[
                "On the device where you made the purchase, make sure you are logged in to that account: Menu → Settings → OsmAnd Cloud → I already have an account.",
                "When you are logged in, go to Menu → Settings → Purchases.",
                "Tap Restore purchases: the purchase is synchronised with your account.",
            ]),
            Link("OsmAnd Cloud (user guide)", DOCS_CLOUD),
            Link("Cross-platform purchases (user guide)", DOCS_CROSS),
        ],
    },
    several_accounts: Section {
        title: "One purchase, one OsmAnd Cloud account at a time",
        body: &[
            Text("A cross-platform purchase such as Maps+ or Pro belongs to the OsmAnd Cloud account that was activated last on the device holding the original store receipt (from the App Store or Google Play). If you log out of your main account (account A) on that device and log in to another one (account B), OsmAnd moves the licence to account B by itself. Account A then loses the purchase on your other platforms, because the licence can be active on only one OsmAnd Cloud account at a time."),
            Text("Why it works this way: the purchase itself belongs to your Apple ID or Google account, not to an OsmAnd account. The OsmAnd app on the device with the purchase only tells our server which OsmAnd Cloud account is in use there, and the server gives that account access on the other platforms. So the account that logs in last on that main device always holds the licence."),
            Text("To bring the purchase back to account A, do the reverse on the device where it was bought: log out of account B and log in to account A again. The store receipt is then checked once more and the licence is linked to account A again, with access on your other platforms restored."),
            Link("Cross-platform purchases (user guide)", DOCS_CROSS),
        ],
    },
    huawei: Section {
        title: "Buy and restore OsmAnd in Huawei AppGallery without Huawei Mobile Services",
        body: &[
            Lead("Buying OsmAnd:"),
            Steps(&[
                "Allow installing apps from unknown sources in your device's settings; the option is usually under Settings → Security.",
                "Install Huawei Mobile Services (HMS Core): apps need it to work properly.",
                "Open the OsmAnd page in Huawei AppGallery and download the app.",
                "At first only the free version can be downloaded. To buy, open Menu → Settings → Purchases in OsmAnd and choose the type you want.",
            ]),
            Link("Download HMS Core (Huawei)", HMS_CORE),
            Link("Installing OsmAnd on Android (user guide)", DOCS_ANDROID_INSTALL),
            Lead("Restoring a purchase:"),
            Steps(&[
                "Log in to Huawei AppGallery with the same account your OsmAnd purchase belongs to.",
                "Check your transactions in the Huawei AppGallery order history.",
                "To avoid problems, you may need to update Huawei AppGallery and clear its cache.",
                "In OsmAnd, open Menu → Settings → Purchases → Restore purchases.",
            ]),
            Link("Huawei AppGallery order history (Huawei)", HUAWEI_ORDERS),
            Link("Restoring Android purchases (user guide)", DOCS_ANDROID_RESTORE),
        ],
    },
    amazon: Section {
        title: "The Amazon Appstore has closed: what to do",
        body: &[
            Text("Amazon closed its Amazon Appstore for Android devices on 20 August 2025, as it announced on its developer blog."),
            Text("If you bought through Amazon, move your subscriptions (Pro, Maps+) or in-app purchases (Maps+) to another platform: subscriptions and in-app purchases can be transferred between platforms through your OsmAnd Cloud account (see “Purchases on every platform”)."),
            Text("OsmAnd+ (the separate app) cannot be moved to another platform through an OsmAnd Cloud account. For help with it, write to support@osmand.net."),
            Link("Cross-platform purchases (user guide)", DOCS_CROSS),
        ],
    },
    topography: Section {
        title: "Restore the Topography plugin (formerly Contour lines)",
        body: &[
            Steps(&[
                "Log in to Google Play with the same account you used to buy the Topography plugin, and install the plugin's app.",
                "If the Install button is greyed out, make sure both Google Play and OsmAnd are up to date, clear their cache, restart your device and try to install the plugin again.",
                "After installing, switch the Topography plugin on in Menu → Plugins, download the files you need in Maps & Resources, and turn them on in the Configure map menu.",
            ]),
            Link("Topography plugin on Google Play", TOPOGRAPHY_APP),
        ],
    },
    unlimited: Section {
        title: "Is OsmAnd Unlimited active?",
        body: &[Text("Go to Menu → Download maps and tap the downloads counter (the field that says “Free version. X downloads left”). When OsmAnd Unlimited is active, it shows the storage space left on the device instead of the number of free downloads.")],
    },
    ios_full_version: Section {
        title: "Is there a separate full version of OsmAnd for iOS?",
        body: &[Text("No. On iOS there is only one OsmAnd app. The full version is reached by unlocking extra features with in-app purchases inside that app.")],
    },
    free_downloads: Section {
        title: "What do 5 or 7 free downloads mean?",
        body: &[Text("The free version gives you 5 free downloads on iOS and 7 on Android. Every download lowers that number, whether it is a map, a map update (updates count as downloads too), a voice package or anything else. Deleting something you downloaded does not give the free download back.")],
    },
    extra_downloads: Section {
        title: "How to get more map downloads in OsmAnd Free",
        body: &[Text("When you have used all 5 (iOS) or 7 (Android) free downloads, you can get 3 more by subscribing to the mailing list. A banner with the option to subscribe appears as soon as all free downloads are used.")],
    },
    verification_code: Section {
        title: "Didn't receive the OsmAnd Cloud verification code?",
        body: &[
            Text("If the verification code does not arrive when you create an OsmAnd Cloud account, go through these steps:"),
            Steps(&[
                "Check your email address. Make sure you entered the right one: it has to be the address used to buy OsmAnd Pro or to register your OsmAnd Cloud account.",
                "Look in your spam folders. The verification email is sometimes filtered out: look for a message from OsmAnd in your Spam, Junk or Promotions folder.",
                "Wait for the code. The email with the code can be delayed. Avoid many attempts in a short time, as they can delay it even more.",
                "Send the code again. Go back to the OsmAnd Cloud login screen and choose Resend code if it is offered. Wait a few minutes before asking for a new code.",
                "Check your mail server's limits. If you use a company or custom email domain, ask your email provider whether the message is being blocked. If the problem stays, consider another email service (for example Gmail or Outlook).",
            ]),
        ],
    },
};
