//! Query strings: percent-encoding (RFC 3986 unreserved characters kept) and decoding.

use std::fmt::Write as _;

/// Percent-encodes a query value: keeps `A–Z a–z 0–9 - . _ ~`, encodes every other UTF-8 byte
/// (space → `%20`, `+` → `%2B`, `$0D` → `%240D`).
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// Decodes a query value (`+` is a space, `%XX` a byte). `None` if the bytes are not UTF-8.
/// A `%` not followed by two hex digits is kept as it is.
pub fn decode_query_value(value: &str) -> Option<String> {
    percent_decode(value, true)
}

/// Percent-decodes `value`; with `plus_is_space` a `+` becomes a space (form encoding).
pub(crate) fn percent_decode(value: &str, plus_is_space: bool) -> Option<String> {
    let mut out = Vec::with_capacity(value.len());
    let mut bytes = value.bytes();
    while let Some(byte) = bytes.next() {
        match byte {
            b'+' if plus_is_space => out.push(b' '),
            b'%' => {
                let mut ahead = bytes.clone();
                match (ahead.next().and_then(hex), ahead.next().and_then(hex)) {
                    (Some(hi), Some(lo)) => {
                        out.push(hi * 16 + lo);
                        bytes = ahead;
                    }
                    _ => out.push(b'%'),
                }
            }
            other => out.push(other),
        }
    }
    String::from_utf8(out).ok()
}

fn hex(byte: u8) -> Option<u8> {
    char::from(byte)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

/// The decoded value of the first query parameter `name` in `url` (path, query and fragment
/// allowed; a URL without `?` has no parameters).
pub fn query_param(url: &str, name: &str) -> Option<String> {
    let (_, query) = url.split_once('?')?;
    let query = query.split_once('#').map_or(query, |(q, _)| q);
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (decode_query_value(key).as_deref() == Some(name))
            .then(|| decode_query_value(value))
            .flatten()
    })
}

/// Builds `path?k=v&…` with every key and value percent-encoded, in insertion order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryUrl {
    url: String,
    has_query: bool,
}

impl QueryUrl {
    /// Starts at `path` (no query yet).
    pub fn new(path: &str) -> Self {
        QueryUrl {
            url: path.to_string(),
            has_query: false,
        }
    }

    /// Appends `key=value`.
    pub fn param(mut self, key: &str, value: &str) -> Self {
        self.url.push(if self.has_query { '&' } else { '?' });
        self.has_query = true;
        self.url.push_str(&encode_query_value(key));
        self.url.push('=');
        self.url.push_str(&encode_query_value(value));
        self
    }

    /// Appends `key=value` only when `value` is `Some`.
    pub fn opt_param(self, key: &str, value: Option<&str>) -> Self {
        match value {
            Some(value) => self.param(key, value),
            None => self,
        }
    }

    /// The finished URL.
    pub fn build(self) -> String {
        self.url
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_only_unreserved_verbatim() {
        assert_eq!(encode_query_value("aZ09-._~"), "aZ09-._~");
        assert_eq!(encode_query_value("a b/c&d#e"), "a%20b%2Fc%26d%23e");
        assert_eq!(encode_query_value("x+y=z?%"), "x%2By%3Dz%3F%25");
        assert_eq!(encode_query_value("$0D"), "%240D");
        assert_eq!(
            encode_query_value("Zürich 東京"),
            "Z%C3%BCrich%20%E6%9D%B1%E4%BA%AC"
        );
        assert_eq!(encode_query_value(""), "");
    }

    #[test]
    fn decodes_and_round_trips() {
        for s in ["a b/c&d#e", "Zürich 東京.gpx", "$0D$0A", "100%", "x+y"] {
            assert_eq!(
                decode_query_value(&encode_query_value(s)).as_deref(),
                Some(s)
            );
        }
        assert_eq!(decode_query_value("a+b%2Fc").as_deref(), Some("a b/c"));
        assert_eq!(decode_query_value("100%").as_deref(), Some("100%"));
        assert_eq!(decode_query_value("%zz%4").as_deref(), Some("%zz%4"));
        assert_eq!(decode_query_value("%FF"), None);
    }

    #[test]
    fn finds_params() {
        let url = "/map/account/?x=1&redirect=%2Fmapapi%2Flist-files%3FallVersions%3Dtrue#top";
        assert_eq!(
            query_param(url, "redirect").as_deref(),
            Some("/mapapi/list-files?allVersions=true")
        );
        assert_eq!(query_param(url, "x").as_deref(), Some("1"));
        assert_eq!(query_param(url, "y"), None);
        assert_eq!(query_param("/a", "x"), None);
        assert_eq!(query_param("/a?flag&x=", "flag").as_deref(), Some(""));
    }

    #[test]
    fn builds_urls() {
        let url = QueryUrl::new("/p")
            .param("name", "a b")
            .opt_param("skip", None)
            .opt_param("type", Some("GPX"))
            .build();
        assert_eq!(url, "/p?name=a%20b&type=GPX");
        assert_eq!(QueryUrl::new("/p").build(), "/p");
    }
}
