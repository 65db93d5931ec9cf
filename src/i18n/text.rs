//! Reading a string table from a language file, by field name.
//!
//! Each table is declared with [`table!`], which writes the struct and its reader from the one
//! list of fields, so a field cannot be forgotten in either. The reader walks a parsed JSON tree
//! through [`Source`]: in the browser that is the tree of the browser's own `JSON.parse`, natively
//! (tests) a `serde_json::Value`.
//!
//! Why not `#[derive(Deserialize)]`: serde's derive expands every one of the ~490 fields into its
//! own match arm, duplicate check and missing-field check, for both the map and the sequence
//! form. Measured on the release bundle: +19.5 KB brotli. These readers are one call per field,
//! and parsing is left to the browser: the whole mechanism stays within the 5 KB.

/// A node of a parsed JSON tree.
pub trait Source: Sized {
    /// The member `key` of an object.
    fn get(&self, key: &str) -> Option<Self>;
    /// The text of a string.
    fn text(&self) -> Option<String>;
    /// The items of an array.
    fn items(&self) -> Option<Vec<Self>>;
    /// How many members an object has.
    fn key_count(&self) -> Option<usize>;
}

/// A value a language file can hold.
pub trait Read: Sized {
    fn read<S: Source>(s: &S) -> Result<Self, String>;
}

/// The member `key` of `s`, read as `T`; the error names the key.
pub fn get<S: Source, T: Read>(s: &S, key: &'static str) -> Result<T, String> {
    match s.get(key) {
        Some(v) => T::read(&v).map_err(|e| format!("{key}.{e}")),
        None => Err(format!("{key}: missing")),
    }
}

/// Checks that `s` is an object with exactly the members of a table (the reader checks each).
pub fn members<S: Source>(s: &S, keys: &[&str]) -> Result<(), String> {
    match s.key_count() {
        Some(n) if n == keys.len() => Ok(()),
        Some(n) => Err(format!(
            ": {n} keys where the table has {} (a key not in English?)",
            keys.len()
        )),
        None => Err(": not an object".into()),
    }
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

impl Read for &'static str {
    fn read<S: Source>(s: &S) -> Result<Self, String> {
        s.text().map(leak).ok_or_else(|| ": not a text".into())
    }
}

impl Read for char {
    fn read<S: Source>(s: &S) -> Result<Self, String> {
        let t = s.text().unwrap_or_default();
        let mut chars = t.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Ok(c),
            _ => Err(": not one character".into()),
        }
    }
}

impl<T: Read + 'static> Read for &'static T {
    fn read<S: Source>(s: &S) -> Result<Self, String> {
        Ok(Box::leak(Box::new(T::read(s)?)))
    }
}

impl<T: Read + 'static> Read for &'static [T] {
    fn read<S: Source>(s: &S) -> Result<Self, String> {
        let items = s.items().ok_or(": not a list")?;
        let list = items
            .iter()
            .enumerate()
            .map(|(i, v)| T::read(v).map_err(|e| format!("[{i}]{e}")))
            .collect::<Result<Vec<T>, String>>()?;
        Ok(Box::leak(list.into_boxed_slice()))
    }
}

impl<T: Read + 'static, const N: usize> Read for [T; N] {
    fn read<S: Source>(s: &S) -> Result<Self, String> {
        let items = s.items().ok_or(": not a list")?;
        let list = items
            .iter()
            .map(T::read)
            .collect::<Result<Vec<T>, String>>()?;
        list.try_into().map_err(|_| format!(": not a list of {N}"))
    }
}

impl Read for super::Plural {
    fn read<S: Source>(s: &S) -> Result<Self, String> {
        s.key_count().ok_or(": not a plural object")?;
        let form = |key: &str| -> Result<&'static str, String> {
            match s.get(key) {
                Some(v) => Read::read(&v),
                None => Ok(""),
            }
        };
        Ok(super::Plural {
            zero: form("zero")?,
            one: form("one")?,
            two: form("two")?,
            few: form("few")?,
            many: form("many")?,
            other: form("other")?,
        })
    }
}

/// Declares a string table: the struct (with `Debug` and `Serialize`, for the English
/// reference dump) and its [`Read`] from a language file, from one list of `pub` fields.
macro_rules! table {
    (
        $(#[$m:meta])*
        pub struct $name:ident {
            $( $(#[$fm:meta])* pub $f:ident : $t:ty, )*
        }
    ) => {
        $(#[$m])*
        #[derive(Debug, serde::Serialize)]
        pub struct $name {
            $( $(#[$fm])* pub $f: $t, )*
        }

        impl $crate::i18n::text::Read for $name {
            fn read<S: $crate::i18n::text::Source>(s: &S) -> Result<Self, String> {
                $crate::i18n::text::members(s, &[$(stringify!($f)),*])?;
                Ok(Self {
                    $( $f: $crate::i18n::text::get(s, stringify!($f))?, )*
                })
            }
        }
    };
}
pub(crate) use table;

#[cfg(target_arch = "wasm32")]
impl Source for wasm_bindgen::JsValue {
    fn get(&self, key: &str) -> Option<Self> {
        let key = wasm_bindgen::JsValue::from_str(key);
        let own = self.is_object()
            && !js_sys::Array::is_array(self)
            && js_sys::Reflect::has(self, &key).unwrap_or(false);
        own.then(|| js_sys::Reflect::get(self, &key).ok()).flatten()
    }
    fn text(&self) -> Option<String> {
        self.as_string()
    }
    fn items(&self) -> Option<Vec<Self>> {
        js_sys::Array::is_array(self).then(|| js_sys::Array::from(self).iter().collect())
    }
    fn key_count(&self) -> Option<usize> {
        use wasm_bindgen::JsCast;
        let obj = self.dyn_ref::<js_sys::Object>()?;
        (!js_sys::Array::is_array(self)).then(|| js_sys::Object::keys(obj).length() as usize)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Source for serde_json::Value {
    fn get(&self, key: &str) -> Option<Self> {
        self.as_object()?.get(key).cloned()
    }
    fn text(&self) -> Option<String> {
        self.as_str().map(str::to_string)
    }
    fn items(&self) -> Option<Vec<Self>> {
        self.as_array().cloned()
    }
    fn key_count(&self) -> Option<usize> {
        self.as_object().map(|o| o.len())
    }
}
