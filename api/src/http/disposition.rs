//! The file name of a `Content-Disposition` header.

use super::query::percent_decode;

/// The file name in a `Content-Disposition` header. Handles `filename*=UTF-8''<pct-encoded>`
/// (preferred), `filename="quoted"` and the server's unquoted `filename=<URL-encoded name>`
/// (Java `URLEncoder`: `+` is a space). `None` if there is no non-empty name.
pub fn parse_content_disposition_filename(header: &str) -> Option<String> {
    let params: Vec<(String, &str)> = header
        .split(';')
        .skip(1)
        .filter_map(|part| {
            let (key, value) = part.split_once('=')?;
            Some((key.trim().to_ascii_lowercase(), value.trim()))
        })
        .collect();
    let extended = params
        .iter()
        .find(|(k, _)| k == "filename*")
        .and_then(|(_, v)| {
            // charset'language'value
            let mut parts = v.splitn(3, '\'');
            let (_charset, _lang, value) = (parts.next()?, parts.next()?, parts.next()?);
            percent_decode(value.trim_matches('"'), false)
        });
    let plain = || {
        params
            .iter()
            .find(|(k, _)| k == "filename")
            .and_then(
                |(_, v)| match v.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
                    Some(quoted) => Some(quoted.replace("\\\"", "\"").replace("\\\\", "\\")),
                    None => percent_decode(v, true).or_else(|| Some((*v).to_string())),
                },
            )
    };
    extended
        .or_else(plain)
        .filter(|name| !name.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::parse_content_disposition_filename as parse;

    #[test]
    fn server_forms() {
        assert_eq!(
            parse("attachment; filename=Export_20-08-26.osf").as_deref(),
            Some("Export_20-08-26.osf")
        );
        assert_eq!(
            parse("attachment; filename=My+track%2F%C3%BC%240D.gpx").as_deref(),
            Some("My track/ü$0D.gpx")
        );
    }

    #[test]
    fn standard_forms() {
        assert_eq!(
            parse(r#"attachment; filename="a b.zip""#).as_deref(),
            Some("a b.zip")
        );
        assert_eq!(
            parse("attachment; filename=\"x.zip\"; filename*=UTF-8''%E6%9D%B1 .zip").as_deref(),
            Some("東 .zip")
        );
        assert_eq!(parse("attachment"), None);
        assert_eq!(parse("attachment; filename="), None);
        assert_eq!(parse("inline; FILENAME=a.txt").as_deref(), Some("a.txt"));
    }
}
