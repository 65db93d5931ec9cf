//! Completeness of every language file against the English table: the tests that make a
//! missing or extra key, a lost placeholder or a missing plural form fail the build's tests.

use serde_json::Value;

use super::{load, Locale, PluralCategory};

const CATEGORIES: [(&str, PluralCategory); 6] = [
    ("zero", PluralCategory::Zero),
    ("one", PluralCategory::One),
    ("two", PluralCategory::Two),
    ("few", PluralCategory::Few),
    ("many", PluralCategory::Many),
    ("other", PluralCategory::Other),
];

/// The `{name}` placeholders of a text, sorted.
fn placeholders(s: &str) -> Vec<&str> {
    let mut out: Vec<&str> = s
        .match_indices('{')
        .filter_map(|(i, _)| {
            let rest = s.get(i..)?;
            let end = rest.find('}')?;
            let name = rest.get(1..end)?;
            (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
                .then(|| rest.get(..=end))
                .flatten()
        })
        .collect();
    out.sort_unstable();
    out
}

fn is_plural(v: &Value) -> bool {
    v.as_object().is_some_and(|o| {
        o.contains_key("other") && o.keys().all(|k| CATEGORIES.iter().any(|(c, _)| c == k))
    })
}

/// Every difference between the English value `en` and a language's value `tr` at `path`.
fn compare(l: Locale, en: &Value, tr: &Value, path: &str, out: &mut Vec<String>) {
    if is_plural(en) {
        let Some(forms) = tr.as_object() else {
            return out.push(format!("{path}: not a plural object"));
        };
        let want = placeholders(en["other"].as_str().unwrap_or_default());
        let needed = l.plural_categories();
        for (name, cat) in CATEGORIES {
            let form = forms.get(name).and_then(Value::as_str).unwrap_or_default();
            if !needed.contains(&cat) {
                if !form.is_empty() {
                    out.push(format!("{path}.{name}: {l:?} has no such plural form"));
                }
                continue;
            }
            if form.is_empty() {
                out.push(format!("{path}.{name}: missing plural form"));
                continue;
            }
            let got = placeholders(form);
            // "one file" may say the number in words; the other forms must show it.
            let without_n: Vec<&str> = want.iter().copied().filter(|p| *p != "{n}").collect();
            let may_drop_n = matches!(name, "zero" | "one" | "two");
            if got != want && !(may_drop_n && got == without_n) {
                out.push(format!(
                    "{path}.{name}: placeholders {got:?}, English {want:?}"
                ));
            }
        }
        return;
    }
    match (en, tr) {
        (Value::String(e), Value::String(t)) => {
            if e.starts_with("https://") {
                if e != t {
                    out.push(format!("{path}: the address must stay {e}"));
                }
            } else if path.ends_with("_pattern") {
                let known = [
                    "{day}", "{month}", "{year}", "{h12}", "{HH}", "{mm}", "{ampm}", "{time}",
                ];
                for p in placeholders(t) {
                    if !known.contains(&p) {
                        out.push(format!("{path}: unknown placeholder {p}"));
                    }
                }
            } else if placeholders(e) != placeholders(t) {
                out.push(format!(
                    "{path}: placeholders {:?}, English {:?}",
                    placeholders(t),
                    placeholders(e)
                ));
            } else if !e.is_empty()
                && t.trim().is_empty()
                && !path.ends_with(".am")
                && !path.ends_with(".pm")
                && !path.ends_with("separator")
            {
                out.push(format!("{path}: empty"));
            }
        }
        (Value::Array(e), Value::Array(t)) => {
            if e.len() != t.len() {
                out.push(format!("{path}: {} items, English {}", t.len(), e.len()));
            }
            for (i, (e, t)) in e.iter().zip(t).enumerate() {
                compare(l, e, t, &format!("{path}[{i}]"), out);
            }
        }
        (Value::Object(e), Value::Object(t)) => {
            for (k, ev) in e {
                match t.get(k) {
                    Some(tv) => compare(l, ev, tv, &format!("{path}.{k}"), out),
                    None => out.push(format!("{path}.{k}: missing")),
                }
            }
            for k in t.keys().filter(|k| !e.contains_key(*k)) {
                out.push(format!("{path}.{k}: not in English"));
            }
        }
        (e, t) if std::mem::discriminant(e) == std::mem::discriminant(t) => {}
        _ => out.push(format!("{path}: another kind of value than in English")),
    }
}

/// Every problem of `l`'s file, empty when it is complete.
pub fn problems(l: Locale) -> Vec<String> {
    let Some(text) = load::builtin(l) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Err(e) = load::parse(text) {
        out.push(format!(
            "does not read as a table: {}",
            e.trim_start_matches(": ")
        ));
    }
    let en = serde_json::to_value(super::en::EN).unwrap_or_default();
    match serde_json::from_str::<Value>(text) {
        Ok(tr) => compare(l, &en, &tr, "", &mut out),
        Err(e) => out.push(format!("not JSON: {e}")),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_file_is_complete() {
        let mut report = String::new();
        for l in Locale::ALL {
            for p in problems(l) {
                report.push_str(&format!("i18n/{}.json{p}\n", l.code()));
            }
        }
        assert!(report.is_empty(), "{report}");
    }

    #[test]
    fn the_check_catches_what_it_promises() {
        let en = serde_json::json!({"a": "{n} of {m}", "p": {"one": "{n} file", "other": "{n} files"}, "u": "https://osmand.net/x", "l": ["x", "y"]});
        let bad = serde_json::json!({"a": "{n}", "p": {"one": "un", "few": "{n} pliki", "other": "{n}"}, "u": "https://example.com", "l": ["x"], "extra": "z"});
        let mut out = Vec::new();
        compare(Locale::Pl, &en, &bad, "", &mut out);
        let all = out.join("\n");
        for want in [
            ".a: placeholders",
            ".p.many: missing plural form",
            ".p.other: Pl has no such plural form",
            ".u: the address",
            ".l: 1 items",
            ".extra: not in English",
        ] {
            assert!(all.contains(want), "{want} not reported in:\n{all}");
        }
        let mut ok = Vec::new();
        let good = serde_json::json!({"a": "{m}: {n}", "p": {"one": "jeden plik", "few": "{n} pliki", "many": "{n} plików"}, "u": "https://osmand.net/x", "l": ["a", "b"]});
        compare(Locale::Pl, &en, &good, "", &mut ok);
        assert!(ok.is_empty(), "{ok:?}");
    }

    #[test]
    fn plural_rules_pick_the_cldr_category() {
        use PluralCategory::*;
        let pick =
            |l: Locale, ns: &[i64]| ns.iter().map(|n| l.plural_category(*n)).collect::<Vec<_>>();
        assert_eq!(
            pick(Locale::Pl, &[1, 2, 5, 12, 22, 25, 0]),
            [One, Few, Many, Many, Few, Many, Many]
        );
        assert_eq!(
            pick(Locale::Uk, &[1, 21, 11, 3, 14, 0]),
            [One, One, Many, Few, Many, Many]
        );
        assert_eq!(
            pick(Locale::Ar, &[0, 1, 2, 3, 10, 11, 99, 100, 102, 103]),
            [Zero, One, Two, Few, Few, Many, Many, Other, Other, Few]
        );
        assert_eq!(
            pick(Locale::Fr, &[0, 1, 2, 1_000_000]),
            [One, One, Other, Many]
        );
        assert_eq!(
            pick(Locale::Es, &[0, 1, 2, 2_000_000]),
            [Other, One, Other, Many]
        );
        assert_eq!(pick(Locale::De, &[0, 1, 2]), [Other, One, Other]);
        for l in Locale::ALL {
            for n in 0..2_000_001 {
                if n > 1000 && n % 1_000_000 != 0 {
                    continue;
                }
                assert!(
                    l.plural_categories().contains(&l.plural_category(n)),
                    "{l:?} {n}"
                );
            }
        }
    }
}
