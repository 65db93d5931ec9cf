//! Reading a string table from a language file.
//!
//! Each table is declared with [`table!`], which writes the struct and its reader from the one
//! list of fields, so a field cannot be forgotten in either. The reader walks a parsed JSON tree
//! through [`Source`]: in the browser that is the tree of the browser's own `JSON.parse`, natively
//! (tests) a `serde_json::Value`.
//!
//! Why not `#[derive(Deserialize)]`: serde's derive expands every one of the ~490 fields into its
//! own match arm, duplicate check and missing-field check, for both the map and the sequence
//! form. Measured on the release bundle: +19.5 KB brotli.
//!
//! A table is read by position, not by name: [`Source::values`] gives an object's members in
//! the order of their sorted keys, and each field takes the member at its rank among the
//! table's sorted field names ([`rank`], worked out at compile time). So the bundle holds no
//! field names and no lookup per name, only one small call per field. Measured: per-name
//! lookups (a `Reflect.has` + `Reflect.get` and the key text per field) made the mechanism
//! +11.1 KB brotli over a bundle without it; by position, each field filled in place by one call (`Fill`), +4.8 KB over a bundle whose
//! reader is stubbed out (316.8 KB), and 321.6 KB in all (was 327.9 KB).
//! A file with a misspelled key but the right number of keys would be read shifted, so the
//! names are checked where the files are made: the native completeness test (`complete.rs`)
//! compares every file with English key by key, and only files from the repository are bundled.

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
    /// The members of an object, in the order of their sorted keys.
    fn values(&self) -> Option<Vec<Self>>;
}

/// A value a language file can hold.
pub trait Read: Sized {
    fn read<S: Source>(s: &S) -> Result<Self, String>;
}

/// A value overwritten in place from a language file: a table starts as a copy of English and
/// each field is filled from the file (all of them: [`fields`] checks the count).
pub trait Fill {
    fn fill<S: Source>(&mut self, s: &S) -> Result<(), String>;
}

/// A value that is read whole: filling it replaces it.
macro_rules! fill_by_read {
    ($([$($g:tt)*] $t:ty),* $(,)?) => {$(
        impl<$($g)*> Fill for $t {
            fn fill<S: Source>(&mut self, s: &S) -> Result<(), String> {
                *self = Read::read(s)?;
                Ok(())
            }
        }
    )*};
}
fill_by_read!(
    [] &'static str,
    [] char,
    [] super::Plural,
    [T: Read + 'static] &'static [T],
    [T: Read + 'static, const N: usize] [T; N],
);

/// A nested table (`i18n.t().cloud`): a filled copy of the one it replaces.
impl<T: Fill + Copy + 'static> Fill for &'static T {
    fn fill<S: Source>(&mut self, s: &S) -> Result<(), String> {
        let mut t = **self;
        t.fill(s)?;
        *self = Box::leak(Box::new(t));
        Ok(())
    }
}

/// The rank of `name` among `names` in sorted order (byte order, as Rust and JavaScript sort
/// ASCII keys alike): where its value is in [`Source::values`].
pub const fn rank(name: &str, names: &[&str]) -> usize {
    let mut rest = names;
    let mut r = 0;
    while let Some((first, tail)) = rest.split_first() {
        if less(first.as_bytes(), name.as_bytes()) {
            r += 1;
        }
        rest = tail;
    }
    r
}

const fn less(mut a: &[u8], mut b: &[u8]) -> bool {
    loop {
        match (a.split_first(), b.split_first()) {
            (Some((x, ra)), Some((y, rb))) => {
                if *x != *y {
                    return *x < *y;
                }
                a = ra;
                b = rb;
            }
            (None, Some(_)) => return true,
            _ => return false,
        }
    }
}

/// The members of a table being filled, by sorted key, and the first problem found.
pub struct Fields<S> {
    values: Vec<S>,
    problem: String,
}

impl<S> Fields<S> {
    /// The first problem, once every field had its turn.
    pub fn done(self) -> Result<(), String> {
        if self.problem.is_empty() {
            Ok(())
        } else {
            Err(self.problem)
        }
    }
}

/// The members of the table `s` (an object with exactly `n` members).
pub fn fields<S: Source>(s: &S, n: usize) -> Result<Fields<S>, String> {
    match s.values() {
        Some(values) if values.len() == n => Ok(Fields {
            values,
            problem: String::new(),
        }),
        Some(v) => Err(format!(
            ": {} keys where the table has {n} (a key not in English?)",
            v.len()
        )),
        None => Err(": not an object".into()),
    }
}

/// Fills `out` from the member at `i` of `f`. Never inlined and without a result (the first
/// problem, naming the position, stays in `f`): each field of a table is one call, no branch.
#[inline(never)]
pub fn field<S: Source, T: Fill>(f: &mut Fields<S>, i: usize, out: &mut T) {
    if !f.problem.is_empty() {
        return;
    }
    let filled = match f.values.get(i) {
        Some(s) => out.fill(s).map_err(|e| format!("#{i}{e}")),
        None => Err(format!("#{i}: missing")),
    };
    if let Err(e) = filled {
        f.problem = e;
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
        #[derive(Clone, Copy, Debug, serde::Serialize)]
        pub struct $name {
            $( $(#[$fm])* pub $f: $t, )*
        }

        impl $crate::i18n::text::Fill for $name {
            fn fill<S: $crate::i18n::text::Source>(&mut self, s: &S) -> Result<(), String> {
                const NAMES: &[&str] = &[$(stringify!($f)),*];
                let mut f = $crate::i18n::text::fields(s, NAMES.len())?;
                $( $crate::i18n::text::field(
                    &mut f,
                    const { $crate::i18n::text::rank(stringify!($f), NAMES) },
                    &mut self.$f,
                ); )*
                f.done()
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
    fn values(&self) -> Option<Vec<Self>> {
        use wasm_bindgen::JsCast;
        let obj = self.dyn_ref::<js_sys::Object>()?;
        if js_sys::Array::is_array(self) {
            return None;
        }
        let keys = js_sys::Object::keys(obj).sort();
        Some(
            keys.iter()
                .map(|k| js_sys::Reflect::get(self, &k).unwrap_or_default())
                .collect(),
        )
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
    fn values(&self) -> Option<Vec<Self>> {
        // Sorted here too: with serde_json's `preserve_order` the map would keep the file's order.
        let mut members: Vec<(&String, &Self)> = self.as_object()?.iter().collect();
        members.sort_by(|a, b| a.0.cmp(b.0));
        Some(members.into_iter().map(|(_, v)| v.clone()).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rank_is_the_place_in_sorted_order() {
        let names = ["menu_label", "back", "menu", "b_2", "a"];
        let mut sorted = names;
        sorted.sort_unstable();
        for n in names {
            assert_eq!(sorted.get(rank(n, &names)), Some(&n), "{n}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_table_reads_by_sorted_key_whatever_the_file_order() {
        let v = serde_json::json!({"b": "second", "a": "first"});
        let mut f = fields(&v, 2).unwrap();
        let (mut a, mut b, mut c) = ("", "", "");
        field(&mut f, 0, &mut a);
        field(&mut f, 1, &mut b);
        assert_eq!((a, b), ("first", "second"));
        field(&mut f, 2, &mut c);
        assert_eq!(f.done(), Err("#2: missing".to_string()));
        assert!(fields(&v, 3)
            .err()
            .unwrap()
            .contains("2 keys where the table has 3"));
    }
}
