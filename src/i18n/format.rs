//! Locale-aware formatting of sizes, counts, dates and plurals. Pure functions: the caller passes
//! the time-zone offset, so native tests are deterministic.

use chrono::{DateTime, Datelike, FixedOffset, Timelike, Utc};

use super::{fill, Locale, Plural};

const KIB: i64 = 1024;
const MIB: i64 = 1024 * 1024;
const GIB: i64 = 1024 * 1024 * 1024;

/// `num / den` with `digits` decimals, ties to even: the same text `format!("{:.N}")` gives
/// for the (exactly representable) quotient, in integer arithmetic so the WASM carries no float
/// formatting code.
fn decimal(num: i64, den: i64, digits: u32, locale: Locale) -> String {
    let scale = 10_i128.pow(digits);
    let n = i128::from(num.max(0)) * scale;
    let d = i128::from(den.max(1));
    let (mut q, r) = (n / d, n % d);
    if 2 * r > d || (2 * r == d && q % 2 == 1) {
        q += 1;
    }
    let (whole, frac) = (q / scale, q % scale);
    if digits == 0 {
        whole.to_string()
    } else {
        let sep = locale.strings().decimal_separator;
        format!("{whole}{sep}{frac:0width$}", width = digits as usize)
    }
}

/// A byte count as `512 B`, `1.5 KB`, `12.3 MB` or `2.25 GB` (binary units, as OsmAnd shows them).
pub fn format_size(bytes: i64, locale: Locale) -> String {
    let b = bytes.max(0);
    if b < KIB {
        format!("{b} B")
    } else if b < MIB {
        format!("{} KB", decimal(b, KIB, 1, locale))
    } else if b < GIB {
        format!("{} MB", decimal(b, MIB, 1, locale))
    } else {
        format!("{} GB", decimal(b, GIB, 2, locale))
    }
}

/// Megabytes (binary, as [`format_size`] counts them) with `digits` decimals: `3000 MB`,
/// `2560.5 MB`. For figures that are compared with a quota the server states in megabytes.
pub fn format_megabytes(bytes: i64, digits: u32, locale: Locale) -> String {
    format!("{} MB", decimal(bytes, MIB, digits, locale))
}

/// A whole number with the locale's thousands separator (`12,345` / `12.345`).
pub fn format_count(n: i64, locale: Locale) -> String {
    let digits = n.unsigned_abs().to_string();
    let sep = match locale {
        Locale::En => ',',
        Locale::Nl => '.',
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

/// The counted phrase for `n` (English and Dutch both use one/other).
pub fn plural(p: Plural, n: i64, locale: Locale) -> String {
    let template = if n == 1 { p.one } else { p.other };
    fill(template, &[("n", &format_count(n, locale))])
}

/// Epoch milliseconds as a date-time in the given offset (minutes east of UTC).
pub fn local_datetime(ms: i64, offset_minutes: i32) -> Option<DateTime<FixedOffset>> {
    let utc = DateTime::<Utc>::from_timestamp_millis(ms)?;
    let offset = FixedOffset::east_opt(offset_minutes.checked_mul(60)?)?;
    Some(utc.with_timezone(&offset))
}

fn month_name(names: &[&'static str; 12], month0: u32) -> &'static str {
    names.get(month0 as usize).copied().unwrap_or_default()
}

/// A calendar date: `Sep 4, 2025` / `4 sep 2025`. Unknown or invalid → `None`.
pub fn format_date(ms: i64, offset_minutes: i32, locale: Locale) -> Option<String> {
    let dt = local_datetime(ms, offset_minutes)?;
    let month = month_name(&locale.strings().months_short, dt.month0());
    Some(match locale {
        Locale::En => format!("{month} {}, {}", dt.day(), dt.year()),
        Locale::Nl => format!("{} {month} {}", dt.day(), dt.year()),
    })
}

/// A clock time: `3:05 PM` / `15:05`.
pub fn format_time(ms: i64, offset_minutes: i32, locale: Locale) -> Option<String> {
    let dt = local_datetime(ms, offset_minutes)?;
    Some(match locale {
        Locale::En => {
            let (pm, hour12) = dt.hour12();
            format!(
                "{hour12}:{:02} {}",
                dt.minute(),
                if pm { "PM" } else { "AM" }
            )
        }
        Locale::Nl => format!("{:02}:{:02}", dt.hour(), dt.minute()),
    })
}

/// A change time as OsmAnd lists it: `Today, 3:05 PM`, `Yesterday, 3:05 PM`, else `Sep 4, 3:05 PM`
/// (with the year added when it is not the current year: `Sep 4, 2025, 3:05 PM`, `4 sep 2025, 15:05`).
pub fn format_change_time(
    ms: i64,
    now_ms: i64,
    offset_minutes: i32,
    locale: Locale,
) -> Option<String> {
    let dt = local_datetime(ms, offset_minutes)?;
    let now = local_datetime(now_ms, offset_minutes)?;
    let time = format_time(ms, offset_minutes, locale)?;
    let s = locale.strings();
    let days = now
        .date_naive()
        .signed_duration_since(dt.date_naive())
        .num_days();
    let day = match days {
        0 => s.today.to_string(),
        1 => s.yesterday.to_string(),
        _ => {
            let month = month_name(&s.months_short, dt.month0());
            let base = match locale {
                Locale::En => format!("{month} {}", dt.day()),
                Locale::Nl => format!("{} {month}", dt.day()),
            };
            match (dt.year() == now.year(), locale) {
                (true, _) => base,
                // "Nov 17, 2025" in English, "17 nov 2025" in Dutch.
                (false, Locale::En) => format!("{base}, {}", dt.year()),
                (false, Locale::Nl) => format!("{base} {}", dt.year()),
            }
        }
    };
    Some(format!("{day}, {time}"))
}

/// A month heading, first letter capitalised: `September 2025` / `September 2025`.
pub fn month_label(year: i32, month0: u32, locale: Locale) -> String {
    let name = month_name(&locale.strings().months, month0);
    let mut chars = name.chars();
    let capitalised = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
        None => String::new(),
    };
    format!("{capitalised} {year}")
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2025-09-04 15:05:00 UTC
    const SEP4: i64 = 1_756_998_300_000;

    #[test]
    fn sizes_use_binary_units_and_the_locale_separator() {
        assert_eq!(format_size(0, Locale::En), "0 B");
        assert_eq!(format_size(-1, Locale::En), "0 B");
        assert_eq!(format_size(1023, Locale::En), "1023 B");
        assert_eq!(format_size(1536, Locale::En), "1.5 KB");
        assert_eq!(format_size(5 * 1024 * 1024, Locale::En), "5.0 MB");
        assert_eq!(format_size(1536 * 1024, Locale::Nl), "1,5 MB");
        assert_eq!(format_size(3_145_728_000, Locale::En), "2.93 GB");
    }

    #[test]
    fn integer_sizes_match_float_formatting() {
        // The integer rounding must give exactly what `{:.N}` gives for the same quotient,
        // ties included (1280 B = 1.25 KB → "1.2", half to even).
        let float = |b: i64| {
            let b = b as f64;
            if b < 1024.0 {
                format!("{b} B")
            } else if b < 1024.0 * 1024.0 {
                format!("{:.1} KB", b / 1024.0)
            } else if b < 1024.0 * 1024.0 * 1024.0 {
                format!("{:.1} MB", b / (1024.0 * 1024.0))
            } else {
                format!("{:.2} GB", b / (1024.0 * 1024.0 * 1024.0))
            }
        };
        assert_eq!(format_size(1280, Locale::En), "1.2 KB");
        let mut b: i64 = 1;
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let bits = x % 48;
            let v = (x >> 8) as i64 & ((1_i64 << bits) - 1);
            for probe in [v, b, b * 5 / 4, 1280 * (v % 1000 + 1)] {
                assert_eq!(
                    format_size(probe, Locale::En),
                    float(probe),
                    "{probe} bytes"
                );
            }
            b = b.saturating_mul(2).max(1) % (1 << 50);
        }
    }

    #[test]
    fn counts_and_plurals() {
        assert_eq!(format_count(12345, Locale::En), "12,345");
        assert_eq!(format_count(12345, Locale::Nl), "12.345");
        assert_eq!(format_count(999, Locale::Nl), "999");
        assert_eq!(format_count(-1000, Locale::En), "-1,000");
        let files = Locale::En.strings().files;
        assert_eq!(plural(files, 1, Locale::En), "1 file");
        assert_eq!(plural(files, 0, Locale::En), "0 files");
        assert_eq!(
            plural(Locale::Nl.strings().files, 2000, Locale::Nl),
            "2.000 bestanden"
        );
    }

    #[test]
    fn dates_per_locale_and_offset() {
        assert_eq!(
            format_date(SEP4, 0, Locale::En).as_deref(),
            Some("Sep 4, 2025")
        );
        assert_eq!(
            format_date(SEP4, 0, Locale::Nl).as_deref(),
            Some("4 sep 2025")
        );
        // 15:05 UTC is already the next day at UTC+10.
        assert_eq!(
            format_date(SEP4 + 9 * 3_600_000, 600, Locale::En).as_deref(),
            Some("Sep 5, 2025")
        );
        assert_eq!(format_time(SEP4, 0, Locale::En).as_deref(), Some("3:05 PM"));
        assert_eq!(format_time(SEP4, 120, Locale::Nl).as_deref(), Some("17:05"));
        assert_eq!(format_date(i64::MAX, 0, Locale::En), None);
    }

    #[test]
    fn change_times_say_today_and_yesterday() {
        let day = 86_400_000;
        assert_eq!(
            format_change_time(SEP4, SEP4 + 60_000, 0, Locale::En).as_deref(),
            Some("Today, 3:05 PM")
        );
        assert_eq!(
            format_change_time(SEP4, SEP4 + day, 0, Locale::Nl).as_deref(),
            Some("Gisteren, 15:05")
        );
        assert_eq!(
            format_change_time(SEP4, SEP4 + 5 * day, 0, Locale::En).as_deref(),
            Some("Sep 4, 3:05 PM")
        );
        assert_eq!(
            format_change_time(SEP4, SEP4 + 400 * day, 0, Locale::En).as_deref(),
            Some("Sep 4, 2025, 3:05 PM")
        );
    }

    #[test]
    fn month_labels_are_capitalised() {
        assert_eq!(month_label(2025, 8, Locale::En), "September 2025");
        assert_eq!(month_label(2025, 2, Locale::Nl), "Maart 2025");
        assert_eq!(month_label(2025, 12, Locale::Nl), " 2025");
    }
}
