//! One purchase as a card: badge, name, lines, status pill. The list shows it as a link; the
//! details page shows the same card on top.

use leptos::prelude::*;

use crate::i18n::fill;
use crate::i18n::{use_i18n, Locale};
use crate::purchases::model::{
    badge, billing_text, date_or_na, type_text, validity_text, Item, Pill, Purchases,
};

/// What a card shows, in the user's language.
#[derive(Clone, Debug, PartialEq)]
pub struct CardData {
    pub id: String,
    pub name: String,
    pub lines: Vec<String>,
    pub pill: Pill,
}

/// The card of `item`, if the account has it.
pub fn card_data(p: &Purchases, item: Item, now_ms: i64, l: Locale) -> Option<CardData> {
    let s = l.strings().purchases;
    match item {
        Item::Free => {
            let regtime = p.free?;
            Some(CardData {
                id: "se-free-item".into(),
                name: s.free_name.into(),
                lines: vec![
                    s.free_account.into(),
                    fill(s.purchased, &[("date", &date_or_na(regtime, l))]),
                ],
                pill: Pill::Active,
            })
        }
        Item::Sub(i) => {
            let sub = p.subs.get(i)?;
            let name = sub
                .name
                .clone()
                .unwrap_or_else(|| s.subscription.to_string());
            let mut lines = vec![type_text(sub, s), billing_text(sub, now_ms, l)];
            lines.extend(validity_text(sub, now_ms, l));
            Some(CardData {
                id: row_id(
                    "se-subs-item",
                    &name,
                    i,
                    p.subs.iter().map(|x| x.name.as_deref()),
                ),
                name,
                lines,
                pill: Pill::of_sub(sub),
            })
        }
        Item::InApp(i) => {
            let inapp = p.inapps.get(i)?;
            let name = inapp.name.clone().unwrap_or_else(|| s.one_time.to_string());
            Some(CardData {
                id: row_id(
                    "se-inapp-item",
                    &name,
                    i,
                    p.inapps.iter().map(|x| x.name.as_deref()),
                ),
                lines: vec![
                    s.one_time.into(),
                    fill(
                        s.purchased,
                        &[("date", &date_or_na(inapp.purchase_ms(), l))],
                    ),
                ],
                name,
                pill: Pill::of_inapp(inapp),
            })
        }
    }
}

/// The reference's `se-subs-item-{name}` for the first row of a name, with the product name
/// exactly as shown (spaces included: OsmAnd's browser suite looks for `se-subs-item-OsmAnd
/// Promo`); later rows with the same name get `-{index}` so ids stay unique.
fn row_id<'a>(
    prefix: &str,
    name: &str,
    index: usize,
    names: impl Iterator<Item = Option<&'a str>>,
) -> String {
    let first = names
        .enumerate()
        .find(|(_, n)| n.unwrap_or("") == name)
        .map(|(i, _)| i);
    if first == Some(index) {
        format!("{prefix}-{name}")
    } else {
        format!("{prefix}-{name}-{index}")
    }
}

/// The card. `href` makes it a link (the list); without it, it is static (details).
#[component]
pub fn PurchaseCard(data: CardData, #[prop(optional)] href: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let CardData {
        id,
        name,
        lines,
        pill,
    } = data;
    let badge_class = format!("pcard__badge pcard__badge--{}", badge(&name));
    let initials = match badge(&name) {
        "maps" => "M+",
        "live" => "L",
        "start" => "S",
        _ => "Pro",
    };
    let pill_class = format!("pill pill--{}", pill.tone());
    let inner = view! {
        <span class=badge_class aria-hidden="true">{initials}</span>
        <span class="pcard__text">
            <span class="pcard__name">{name}</span>
            {lines.into_iter().map(|l| view! { <span class="pcard__line">{l}</span> }).collect_view()}
        </span>
        <span class=pill_class>{move || pill.label(i18n.t().purchases)}</span>
    };
    match href {
        Some(h) => view! { <a class="pcard pcard--link" id=id href=h>{inner}</a> }.into_any(),
        None => view! { <div class="pcard" id=id>{inner}</div> }.into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use osmand_api::models::{InAppPurchase, Subscription};

    #[test]
    fn cards_have_unique_reference_ids() {
        let pro = |state: &str| Subscription {
            name: Some("OsmAnd Pro".into()),
            state: Some(state.into()),
            r#type: Some("annual".into()),
            ..Subscription::default()
        };
        let p = Purchases {
            free: Some(Some(0)),
            subs: vec![pro("active"), pro("expired")],
            inapps: vec![InAppPurchase {
                name: Some("Maps+".into()),
                ..InAppPurchase::default()
            }],
        };
        let ids: Vec<String> = [Item::Free, Item::Sub(0), Item::Sub(1), Item::InApp(0)]
            .into_iter()
            .filter_map(|i| card_data(&p, i, 0, Locale::En))
            .map(|c| c.id)
            .collect();
        assert_eq!(
            ids,
            vec![
                "se-free-item",
                "se-subs-item-OsmAnd Pro",
                "se-subs-item-OsmAnd Pro-1",
                "se-inapp-item-Maps+"
            ]
        );
        let c = card_data(&p, Item::Sub(0), 0, Locale::En).unwrap();
        assert_eq!(c.lines[0], "Annual subscription");
        assert_eq!(c.lines[1], "Next billing date: N/A");
        assert_eq!(card_data(&p, Item::Sub(5), 0, Locale::En), None);
    }
}
