//! Texts of the Purchases help screen (`/map/account/purchases/help`), English and Dutch: one
//! section per section of OsmAnd's purchases FAQ, in our own words, with the app's menu paths.
//! Which anchor each section has, and in which order they come, is said in `help.rs` (`Topic`).

/// One piece of a section's body.
#[derive(Debug)]
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

/// A section: its heading and body.
#[derive(Debug)]
pub struct Section {
    pub title: &'static str,
    pub body: &'static [Block],
}

#[derive(Debug)]
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

pub(crate) static NL: HelpStrings = HelpStrings {
    title: "Hulp bij aankopen",
    intro: "Antwoorden op de meest gestelde vragen over aankopen in OsmAnd, uit de gebruikershandleiding van OsmAnd.",
    contents: "Op deze pagina",
    link: "Hulp bij aankopen",
    cross_platform: Section {
        title: "Platformonafhankelijke aankopen",
        body: &[
            Text("Vanaf OsmAnd 5.0 zijn OsmAnd Pro en Maps+ (op iOS “Alle wereldkaarten”) platformonafhankelijke abonnementen voor Android en iOS. Koopt u er een in een winkel, bijvoorbeeld Google Play of Huawei AppGallery op Android, dan kunt u het ook op iOS en in de webversie gebruiken."),
            Points(&[
                "Een platformonafhankelijk abonnement werkt op meerdere apparaten en platforms, zolang die aan hetzelfde OsmAnd Cloud-account gekoppeld zijn.",
                "Eenmalige aankopen zoals OsmAnd+ voor Android, en aankopen die bij één winkel horen, kunnen niet naar een ander platform worden overgezet.",
                "U kunt OsmAnd Pro op maximaal 6 apparaten gebruiken, ook als die verschillende besturingssystemen hebben.",
                "Gebruik op al uw apparaten hetzelfde OsmAnd Cloud-account, zodat u overal bij uw aankopen kunt.",
            ]),
            Link("Android-aankopen (gebruikershandleiding)", DOCS_ANDROID),
            Link("iOS-aankopen (gebruikershandleiding)", DOCS_IOS),
            Link("Platformonafhankelijke aankopen (gebruikershandleiding)", DOCS_CROSS),
            Link("Aankopen in het OsmAnd Kaartportaal (gebruikershandleiding)", DOCS_WEB),
        ],
    },
    link_purchase: Section {
        title: "Uw aankoop koppelen aan uw OsmAnd Cloud-account",
        body: &[
            Lead("Als u nog geen OsmAnd Cloud-account hebt:"),
            Steps(&[
                "Open OsmAnd op het apparaat waarop u de aankoop hebt gedaan.",
                "Ga naar Menu → Instellingen → OsmAnd Cloud en tik op Nieuw account aanmaken.",
                "Ga, als het account is aangemaakt, naar Menu → Instellingen → Aankopen.",
                "Tik op Aankopen herstellen: de aankoop wordt aan uw nieuwe account gekoppeld.",
            ]),
            Lead("Als u al een OsmAnd Cloud-account hebt:"),
            Steps(&[
                "Zorg dat u op het apparaat waarop u de aankoop hebt gedaan bent ingelogd op dat account: Menu → Instellingen → OsmAnd Cloud → Ik heb al een account.",
                "Ga, als u bent ingelogd, naar Menu → Instellingen → Aankopen.",
                "Tik op Aankopen herstellen: de aankoop wordt met uw account gesynchroniseerd.",
            ]),
            Link("OsmAnd Cloud (gebruikershandleiding)", DOCS_CLOUD),
            Link("Platformonafhankelijke aankopen (gebruikershandleiding)", DOCS_CROSS),
        ],
    },
    several_accounts: Section {
        title: "Eén aankoop, één OsmAnd Cloud-account tegelijk",
        body: &[
            Text("Een platformonafhankelijke aankoop zoals Maps+ of Pro hoort bij het OsmAnd Cloud-account dat als laatste is geactiveerd op het apparaat met het oorspronkelijke aankoopbewijs (van de App Store of Google Play). Logt u op dat apparaat uit bij uw hoofdaccount (account A) en logt u in op een ander account (account B), dan zet OsmAnd de licentie vanzelf over naar account B. Account A verliest de aankoop dan op uw andere platforms, want de licentie kan maar op één OsmAnd Cloud-account tegelijk actief zijn."),
            Text("Waarom dat zo werkt: de aankoop zelf hoort bij uw Apple ID of Google-account, niet bij een OsmAnd-account. De OsmAnd-app op het apparaat met de aankoop meldt onze server alleen welk OsmAnd Cloud-account daar in gebruik is, en de server geeft dat account toegang op de andere platforms. Het account dat als laatste inlogt op dat hoofdapparaat, houdt dus altijd de licentie."),
            Text("Wilt u de aankoop terug naar account A, doe dan het omgekeerde op het apparaat waarop de aankoop is gedaan: log uit bij account B en log weer in op account A. Het aankoopbewijs wordt dan opnieuw gecontroleerd en de licentie wordt weer aan account A gekoppeld, zodat u ook op uw andere platforms weer toegang hebt."),
            Link("Platformonafhankelijke aankopen (gebruikershandleiding)", DOCS_CROSS),
        ],
    },
    huawei: Section {
        title: "OsmAnd kopen en herstellen in de Huawei AppGallery zonder Huawei Mobile Services",
        body: &[
            Lead("OsmAnd kopen:"),
            Steps(&[
                "Sta in de instellingen van uw apparaat het installeren van apps uit onbekende bronnen toe; die optie staat meestal onder Instellingen → Beveiliging.",
                "Installeer Huawei Mobile Services (HMS Core): apps hebben dat nodig om goed te werken.",
                "Open de pagina van OsmAnd in de Huawei AppGallery en download de app.",
                "Eerst kunt u alleen de gratis versie downloaden. Wilt u iets kopen, open dan in OsmAnd Menu → Instellingen → Aankopen en kies het gewenste type.",
            ]),
            Link("HMS Core downloaden (Huawei)", HMS_CORE),
            Link("OsmAnd installeren op Android (gebruikershandleiding)", DOCS_ANDROID_INSTALL),
            Lead("Een aankoop herstellen:"),
            Steps(&[
                "Log in op de Huawei AppGallery met hetzelfde account als waaraan uw OsmAnd-aankoop gekoppeld is.",
                "Controleer uw transacties in de bestelgeschiedenis van de Huawei AppGallery.",
                "Om problemen te voorkomen moet u de Huawei AppGallery misschien bijwerken en de cache ervan wissen.",
                "Open in OsmAnd Menu → Instellingen → Aankopen → Aankopen herstellen.",
            ]),
            Link("Bestelgeschiedenis van de Huawei AppGallery (Huawei)", HUAWEI_ORDERS),
            Link("Android-aankopen herstellen (gebruikershandleiding)", DOCS_ANDROID_RESTORE),
        ],
    },
    amazon: Section {
        title: "De Amazon Appstore is gesloten: wat nu?",
        body: &[
            Text("Amazon heeft de Amazon Appstore voor Android-apparaten op 20 augustus 2025 gesloten, zoals het op zijn ontwikkelaarsblog had aangekondigd."),
            Text("Hebt u via Amazon gekocht, zet dan uw abonnementen (Pro, Maps+) of in-app-aankopen (Maps+) over naar een ander platform: abonnementen en in-app-aankopen kunnen via uw OsmAnd Cloud-account tussen platforms worden overgezet (zie “Platformonafhankelijke aankopen”)."),
            Text("OsmAnd+ (de aparte app) kan niet via een OsmAnd Cloud-account naar een ander platform worden overgezet. Voor hulp daarbij kunt u schrijven naar support@osmand.net."),
            Link("Platformonafhankelijke aankopen (gebruikershandleiding)", DOCS_CROSS),
        ],
    },
    topography: Section {
        title: "De aankoop van de Topografie-plug-in (voorheen Hoogtelijnen) herstellen",
        body: &[
            Steps(&[
                "Log in op Google Play met hetzelfde account waarmee u de Topografie-plug-in kocht, en installeer de app van de plug-in.",
                "Is de knop Installeren niet actief, zorg dan dat zowel Google Play als OsmAnd bijgewerkt zijn, wis hun cache, start uw apparaat opnieuw op en probeer de plug-in opnieuw te installeren.",
                "Zet na de installatie de Topografie-plug-in aan via Menu → Plug-ins, download de bestanden die u nodig hebt in Kaarten en bronnen, en zet ze aan via het menu Kaart configureren.",
            ]),
            Link("Topografie-plug-in in Google Play", TOPOGRAPHY_APP),
        ],
    },
    unlimited: Section {
        title: "Is OsmAnd Unlimited actief?",
        body: &[Text("Ga naar Menu → Kaarten downloaden en tik op de downloadteller (het veld met “Gratis versie. X downloads over”). Is OsmAnd Unlimited actief, dan ziet u daar de opslagruimte die nog vrij is op het apparaat in plaats van het aantal gratis downloads.")],
    },
    ios_full_version: Section {
        title: "Is er een aparte volledige versie van OsmAnd voor iOS?",
        body: &[Text("Nee. Voor iOS is er maar één OsmAnd-app. De volledige versie krijgt u door in die app extra functies te ontgrendelen met in-app-aankopen.")],
    },
    free_downloads: Section {
        title: "Wat betekenen 5 of 7 gratis downloads?",
        body: &[Text("Met de gratis versie hebt u 5 gratis downloads op iOS en 7 op Android. Elke download verlaagt dat aantal, of het nu een kaart, een kaartupdate (ook updates tellen als download), een stempakket of iets anders is. Iets verwijderen wat u hebt gedownload, geeft u de gratis download niet terug.")],
    },
    extra_downloads: Section {
        title: "Extra kaartdownloads krijgen in OsmAnd Free",
        body: &[Text("Hebt u alle 5 (iOS) of 7 (Android) gratis downloads gebruikt, dan kunt u er 3 bij krijgen door u in te schrijven voor de mailinglijst. Zodra alle gratis downloads op zijn, verschijnt er een banner waarmee u zich kunt inschrijven.")],
    },
    verification_code: Section {
        title: "Verificatiecode voor OsmAnd Cloud niet ontvangen?",
        body: &[
            Text("Komt de verificatiecode niet aan wanneer u een OsmAnd Cloud-account aanmaakt, loop dan deze stappen door:"),
            Steps(&[
                "Controleer uw e-mailadres. Zorg dat u het juiste adres hebt ingevuld: het moet het adres zijn waarmee u OsmAnd Pro kocht of uw OsmAnd Cloud-account registreerde.",
                "Kijk in uw spammappen. De verificatie-e-mail wordt soms als spam gefilterd: zoek naar een bericht van OsmAnd in de map Spam, Ongewenst of Reclame.",
                "Wacht tot de code aankomt. De e-mail met de code kan vertraagd zijn. Vraag niet vaak kort na elkaar een code aan, want dat kan nog meer vertraging geven.",
                "Vraag de code opnieuw aan. Ga terug naar het inlogscherm van OsmAnd Cloud en kies Code opnieuw sturen als dat kan. Wacht een paar minuten voordat u een nieuwe code aanvraagt.",
                "Controleer de beperkingen van uw mailserver. Gebruikt u een zakelijk of eigen e-maildomein, vraag dan uw e-mailprovider of het bericht wordt tegengehouden. Blijft het probleem, overweeg dan een andere e-maildienst (bijvoorbeeld Gmail of Outlook).",
            ]),
        ],
    },
};
