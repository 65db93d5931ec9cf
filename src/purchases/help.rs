//! `/map/account/purchases/help` — Purchases help: one section per section of OsmAnd's
//! purchases FAQ, each under the FAQ's own anchor, so `…/purchases/help#<anchor>` opens that
//! section (scrolled into view, focus on its heading). Other screens link to a section with
//! [`HelpLink`].

use leptos::prelude::*;

use crate::components::panel::PanelNav;
use crate::components::Panel;
use crate::i18n::use_i18n;
use crate::purchases::help_strings::{Block, HelpStrings, Section};
use crate::purchases::model::is_allowed;
use crate::routes::Route;
use crate::session::use_session;

/// A section of the help, in the order of the source document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Topic {
    CrossPlatform,
    LinkPurchase,
    SeveralAccounts,
    Huawei,
    Amazon,
    Topography,
    Unlimited,
    IosFullVersion,
    FreeDownloads,
    ExtraDownloads,
    VerificationCode,
}

impl Topic {
    pub const ALL: [Topic; 11] = [
        Topic::CrossPlatform,
        Topic::LinkPurchase,
        Topic::SeveralAccounts,
        Topic::Huawei,
        Topic::Amazon,
        Topic::Topography,
        Topic::Unlimited,
        Topic::IosFullVersion,
        Topic::FreeDownloads,
        Topic::ExtraDownloads,
        Topic::VerificationCode,
    ];

    /// The source document's own anchor (the section's `id`).
    pub fn anchor(self) -> &'static str {
        match self {
            Topic::CrossPlatform => "cross-platform-purchases",
            Topic::LinkPurchase => "how-to-link-your-purchase-to-osmand-cloud-account",
            Topic::SeveralAccounts => "purchase-association-with-multiple-osmand-cloud-accounts",
            Topic::Huawei => {
                "how-to-buy-and-restore-osmand-in-the-huawei-appgallery-without-huawei-mobile-services"
            }
            Topic::Amazon => "amazon-store-is-closing---what-to-do",
            Topic::Topography => "how-to-restore-the-topography-formerly-contour-lines-plugin-purchase",
            Topic::Unlimited => "how-to-identify-if-osmand-unlimited-is-active",
            Topic::IosFullVersion => "can-i-get-the-full-version-of-osmand-as-a-separate-app-for-ios",
            Topic::FreeDownloads => "what-do-5-or-7-free-downloads-mean",
            Topic::ExtraDownloads => "how-can-i-get-additional-map-downloads-in-osmand-free",
            Topic::VerificationCode => "verification-code-for-osmand-cloud-not-received",
        }
    }

    /// The topic a location hash (`#anchor` or `anchor`) names; anything else is none.
    pub fn from_hash(hash: &str) -> Option<Topic> {
        let anchor = hash.strip_prefix('#').unwrap_or(hash);
        Topic::ALL.into_iter().find(|t| t.anchor() == anchor)
    }

    /// The two linking topics are subsections of the cross-platform one (as in the document).
    pub fn is_subsection(self) -> bool {
        matches!(self, Topic::LinkPurchase | Topic::SeveralAccounts)
    }

    /// The address that opens this section.
    pub fn href(self) -> String {
        format!("{}#{}", Route::PurchasesHelp.href(), self.anchor())
    }

    /// The id of the section's heading (where focus goes).
    pub fn heading_id(self) -> String {
        format!("{}-title", self.anchor())
    }

    pub fn section(self, h: &'static HelpStrings) -> &'static Section {
        match self {
            Topic::CrossPlatform => &h.cross_platform,
            Topic::LinkPurchase => &h.link_purchase,
            Topic::SeveralAccounts => &h.several_accounts,
            Topic::Huawei => &h.huawei,
            Topic::Amazon => &h.amazon,
            Topic::Topography => &h.topography,
            Topic::Unlimited => &h.unlimited,
            Topic::IosFullVersion => &h.ios_full_version,
            Topic::FreeDownloads => &h.free_downloads,
            Topic::ExtraDownloads => &h.extra_downloads,
            Topic::VerificationCode => &h.verification_code,
        }
    }
}

/// Where the help's back arrow leads: the purchases list for a logged-in user (who came from
/// there), else the account panel (a logged-out reader came from sign-up or a shared link).
pub fn back_href(logged_in: bool) -> String {
    if logged_in {
        Route::Purchases.href()
    } else {
        Route::Account.href()
    }
}

/// The routed help screen.
#[component]
pub fn HelpPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let location = leptos_router::hooks::use_location();
    // Once the sections are on the page (and again whenever the hash changes, e.g. a link
    // inside the help), show the named section: scrolled to, with focus on its heading so
    // keyboard and screen-reader users land there. A hash that names no section: the top.
    Effect::new(move |_| {
        let topic = Topic::from_hash(&location.hash.get());
        request_animation_frame(move || match topic {
            Some(t) => crate::browser::show_id(t.anchor(), &t.heading_id()),
            None => crate::browser::scroll_panel_to_top(),
        });
    });
    view! {
        <Panel
            title=Signal::derive(move || i18n.t().purchases.help.title.to_string())
            nav=PanelNav::BackTo(Signal::derive(move || back_href(session.is_logged_in())))
            nav_id="se-purchases-help-back"
        >
            <HelpBody/>
        </Panel>
    }
}

/// The help's contents. Presentational.
#[component]
pub fn HelpBody() -> impl IntoView {
    let i18n = use_i18n();
    let h = move || i18n.t().purchases.help;
    let contents = move || {
        Topic::ALL
            .into_iter()
            .map(|t| {
                view! {
                    <li class:help__toc-sub=t.is_subsection()>
                        <a href=t.href()>{move || t.section(h()).title}</a>
                    </li>
                }
            })
            .collect_view()
    };
    let sections = Topic::ALL
        .into_iter()
        .map(|t| view! { <HelpSection topic=t/> })
        .collect_view();
    view! {
        <div class="help" id="se-purchases-help">
            <p class="help__intro">{move || h().intro}</p>
            <nav class="help__toc" aria-labelledby="se-purchases-help-contents">
                <h2 class="help__toc-title" id="se-purchases-help-contents">{move || h().contents}</h2>
                <ul>{contents}</ul>
            </nav>
            {sections}
        </div>
    }
}

#[component]
fn HelpSection(topic: Topic) -> impl IntoView {
    let i18n = use_i18n();
    let section = move || topic.section(i18n.t().purchases.help);
    let heading_id = topic.heading_id();
    let title = move || section().title;
    let heading = if topic.is_subsection() {
        view! { <h3 class="help__title help__title--sub" id=heading_id.clone() tabindex="-1">{title}</h3> }
            .into_any()
    } else {
        view! { <h2 class="help__title" id=heading_id.clone() tabindex="-1">{title}</h2> }
            .into_any()
    };
    view! {
        <section class="help__section" id=topic.anchor() aria-labelledby=heading_id>
            {heading}
            {move || section().body.iter().map(block).collect_view()}
        </section>
    }
}

fn block(b: &'static Block) -> AnyView {
    match b {
        Block::Text(t) => view! { <p>{*t}</p> }.into_any(),
        Block::Lead(t) => view! { <p class="help__lead">{*t}</p> }.into_any(),
        Block::Steps(items) => {
            view! { <ol class="help__steps">{items.iter().map(|i| view! { <li>{*i}</li> }).collect_view()}</ol> }
                .into_any()
        }
        Block::Points(items) => {
            view! { <ul class="help__points">{items.iter().map(|i| view! { <li>{*i}</li> }).collect_view()}</ul> }
                .into_any()
        }
        Block::Link(text, url) => external_link(text, url),
    }
}

/// An external link of the help: only to allow-listed hosts (anything else stays plain text),
/// in a new tab, without opener or referrer.
fn external_link(text: &'static str, url: &'static str) -> AnyView {
    if !is_allowed(url) {
        return view! { <p>{text}</p> }.into_any();
    }
    let i18n = use_i18n();
    view! {
        <p class="help__link">
            <a href=url target="_blank" rel="noopener noreferrer">
                {text}
                <span class="visually-hidden">{move || format!(" {}", i18n.t().purchases.new_tab)}</span>
            </a>
        </p>
    }
    .into_any()
}

/// A link from another screen straight to one section of the help, named by that section's
/// title. `new_tab` keeps the page it comes from (a half-finished sign-up) as it is.
#[component]
pub fn HelpLink(
    topic: Topic,
    #[prop(optional)] new_tab: bool,
    #[prop(optional)] id: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let title = move || topic.section(i18n.t().purchases.help).title;
    if new_tab {
        view! {
            <a class="help-link" id=id href=topic.href() target="_blank" rel="noopener noreferrer">
                {title}
                <span class="visually-hidden">{move || format!(" {}", i18n.t().purchases.new_tab)}</span>
            </a>
        }
        .into_any()
    } else {
        view! { <a class="help-link" id=id href=topic.href()>{title}</a> }.into_any()
    }
}

/// The link to the whole help (purchases list, every detail page, the empty state).
#[component]
pub fn HelpHomeLink(id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="help-link help-link--home" id=id href=Route::PurchasesHelp.href()>
            {move || i18n.t().purchases.help.link}
        </a>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn every_section_has_the_documents_anchor_and_a_link_that_opens_it() {
        let anchors: Vec<&str> = Topic::ALL.iter().map(|t| t.anchor()).collect();
        assert_eq!(
            anchors,
            [
                "cross-platform-purchases",
                "how-to-link-your-purchase-to-osmand-cloud-account",
                "purchase-association-with-multiple-osmand-cloud-accounts",
                "how-to-buy-and-restore-osmand-in-the-huawei-appgallery-without-huawei-mobile-services",
                "amazon-store-is-closing---what-to-do",
                "how-to-restore-the-topography-formerly-contour-lines-plugin-purchase",
                "how-to-identify-if-osmand-unlimited-is-active",
                "can-i-get-the-full-version-of-osmand-as-a-separate-app-for-ios",
                "what-do-5-or-7-free-downloads-mean",
                "how-can-i-get-additional-map-downloads-in-osmand-free",
                "verification-code-for-osmand-cloud-not-received",
            ]
        );
        for t in Topic::ALL {
            assert_eq!(Topic::from_hash(&format!("#{}", t.anchor())), Some(t));
            assert_eq!(Topic::from_hash(t.anchor()), Some(t));
            let href = t.href();
            let (path, hash) = href.split_once('#').unwrap();
            assert_eq!(Route::parse(path), Route::PurchasesHelp);
            assert_eq!(Topic::from_hash(hash), Some(t));
        }
        for bad in [
            "",
            "#",
            "#nope",
            "#Cross-Platform-Purchases",
            "cross-platform",
        ] {
            assert_eq!(Topic::from_hash(bad), None, "{bad}");
        }
    }

    #[test]
    fn every_section_has_a_title_and_a_body_in_each_language() {
        for l in Locale::ALL {
            let h = l.strings().purchases.help;
            for t in Topic::ALL {
                let s = t.section(h);
                assert!(!s.title.is_empty(), "{t:?} {l:?}");
                assert!(!s.body.is_empty(), "{t:?} {l:?}");
            }
            // Titles are distinct: each in-context link names where it goes.
            let mut titles: Vec<&str> = Topic::ALL.iter().map(|t| t.section(h).title).collect();
            titles.sort_unstable();
            titles.dedup();
            assert_eq!(titles.len(), Topic::ALL.len(), "{l:?}");
        }
    }

    #[test]
    fn external_links_only_go_to_allow_listed_hosts_and_are_the_same_in_every_language() {
        let links = |l: Locale| -> Vec<&'static str> {
            Topic::ALL
                .iter()
                .flat_map(|t| t.section(l.strings().purchases.help).body.iter())
                .filter_map(|b| match b {
                    Block::Link(_, url) => Some(*url),
                    _ => None,
                })
                .collect()
        };
        let en = links(Locale::En);
        assert!(en.len() >= 10, "{en:?}");
        for url in &en {
            assert!(is_allowed(url), "{url}");
        }
        for l in Locale::ALL {
            assert_eq!(links(l), en, "{l:?}");
        }
    }

    /// The facts of the source document the issue names, in each language's words.
    #[test]
    fn the_documents_key_facts_are_there() {
        let text = |l: Locale, t: Topic| -> String {
            let s = t.section(l.strings().purchases.help);
            let mut out = String::from(s.title);
            for b in s.body {
                match b {
                    Block::Text(x) | Block::Lead(x) | Block::Link(x, _) => out.push_str(x),
                    Block::Steps(xs) | Block::Points(xs) => xs.iter().for_each(|x| out.push_str(x)),
                }
                out.push('\n');
            }
            out
        };
        let has = |l: Locale, t: Topic, needles: &[&str]| {
            let body = text(l, t);
            for n in needles {
                assert!(body.contains(n), "{l:?} {t:?} lacks {n:?}:\n{body}");
            }
        };
        use Locale::{En, Nl};
        has(
            En,
            Topic::CrossPlatform,
            &[
                "OsmAnd 5.0",
                "OsmAnd Pro can be used on up to 6 devices",
                "OsmAnd+",
                "same OsmAnd Cloud account",
            ],
        );
        has(
            Nl,
            Topic::CrossPlatform,
            &[
                "OsmAnd 5.0",
                "OsmAnd Pro op maximaal 6 apparaten",
                "OsmAnd+",
                "hetzelfde OsmAnd Cloud-account",
            ],
        );
        has(
            En,
            Topic::LinkPurchase,
            &[
                "no OsmAnd Cloud account yet",
                "already have an OsmAnd Cloud account",
                "Menu → Settings → Purchases",
                "Restore purchases",
                "Create new account",
                "I already have an account",
            ],
        );
        has(
            Nl,
            Topic::LinkPurchase,
            &[
                "nog geen OsmAnd Cloud-account",
                "al een OsmAnd Cloud-account",
                "Menu → Instellingen → Aankopen",
                "Aankopen herstellen",
                "Nieuw account aanmaken",
                "Ik heb al een account",
            ],
        );
        has(
            En,
            Topic::SeveralAccounts,
            &[
                "activated last on the device holding the original store receipt",
                "log out of account B and log in to account A again",
            ],
        );
        has(
            Nl,
            Topic::SeveralAccounts,
            &[
                "als laatste is geactiveerd op het apparaat met het oorspronkelijke aankoopbewijs",
                "log uit bij account B en log weer in op account A",
            ],
        );
        has(
            En,
            Topic::Huawei,
            &[
                "HMS Core",
                "unknown sources",
                "Menu → Settings → Purchases → Restore purchases",
                "clear its cache",
            ],
        );
        has(
            Nl,
            Topic::Huawei,
            &[
                "HMS Core",
                "onbekende bronnen",
                "Menu → Instellingen → Aankopen → Aankopen herstellen",
                "cache",
            ],
        );
        has(
            En,
            Topic::Amazon,
            &[
                "20 August 2025",
                "OsmAnd+",
                "cannot be moved",
                "support@osmand.net",
            ],
        );
        has(
            Nl,
            Topic::Amazon,
            &["20 augustus 2025", "OsmAnd+", "niet", "support@osmand.net"],
        );
        has(
            En,
            Topic::Topography,
            &[
                "Google Play",
                "Menu → Plugins",
                "Maps & Resources",
                "Configure map",
            ],
        );
        has(
            Nl,
            Topic::Topography,
            &[
                "Google Play",
                "Menu → Plug-ins",
                "Kaarten en bronnen",
                "Kaart configureren",
            ],
        );
        has(
            En,
            Topic::Unlimited,
            &[
                "Menu → Download maps",
                "Free version. X downloads left",
                "storage space left",
            ],
        );
        has(
            Nl,
            Topic::Unlimited,
            &[
                "Menu → Kaarten downloaden",
                "Gratis versie. X downloads over",
            ],
        );
        has(
            En,
            Topic::IosFullVersion,
            &["only one OsmAnd app", "in-app purchases"],
        );
        has(
            Nl,
            Topic::IosFullVersion,
            &["maar één OsmAnd-app", "in-app-aankopen"],
        );
        has(
            En,
            Topic::FreeDownloads,
            &[
                "5 free downloads on iOS and 7 on Android",
                "updates count as downloads",
                "does not give the free download back",
            ],
        );
        has(
            Nl,
            Topic::FreeDownloads,
            &[
                "5 gratis downloads op iOS en 7 op Android",
                "geeft u de gratis download niet terug",
            ],
        );
        has(
            En,
            Topic::ExtraDownloads,
            &["3 more", "mailing list", "banner"],
        );
        has(
            Nl,
            Topic::ExtraDownloads,
            &["er 3 bij", "mailinglijst", "banner"],
        );
        has(
            En,
            Topic::VerificationCode,
            &[
                "address used to buy OsmAnd Pro",
                "Spam, Junk or Promotions",
                "many attempts",
                "Resend code",
                "another email service",
            ],
        );
        has(
            Nl,
            Topic::VerificationCode,
            &[
                "adres zijn waarmee u OsmAnd Pro kocht",
                "Spam, Ongewenst of Reclame",
                "Code opnieuw sturen",
                "andere e-maildienst",
            ],
        );
    }

    #[test]
    fn the_back_arrow_follows_the_session() {
        assert_eq!(back_href(true), Route::Purchases.href());
        assert_eq!(back_href(false), Route::Account.href());
    }
}
