//! Randomness and password hashing.

use crate::error::{ApiError, ApiResult};

fn rng_error(e: getrandom::Error) -> ApiError {
    ApiError::Internal(format!("random: {e}"))
}

/// `bytes` random bytes as lower-case hex (session tokens, fake device ids).
pub fn random_hex(bytes: usize) -> ApiResult<String> {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).map_err(rng_error)?;
    Ok(buf.iter().map(|b| format!("{b:02x}")).collect())
}

/// An e-mail code of `digits` digits (4..=12). Four digits are 1000..=9998, like master's
/// `new Random().nextInt(8999) + 1000` (`UserdataService.sendCode`); longer ones, like newer
/// servers' secure tokens, have a non-zero first digit.
pub fn new_code(digits: u8) -> ApiResult<String> {
    if digits <= 4 {
        let n = getrandom::u32().map_err(rng_error)? % 8999 + 1000;
        return Ok(n.to_string());
    }
    let mut code = String::with_capacity(usize::from(digits));
    for i in 0..digits {
        let r = getrandom::u32().map_err(rng_error)?;
        let d = if i == 0 { r % 9 + 1 } else { r % 10 };
        code.push(char::from(b'0' + u8::try_from(d).unwrap_or(0)));
    }
    Ok(code)
}

/// bcrypt off the async threads.
pub async fn hash_password(password: String, cost: u32) -> ApiResult<String> {
    tokio::task::spawn_blocking(move || bcrypt::hash(password, cost))
        .await
        .map_err(|e| ApiError::Internal(format!("bcrypt task: {e}")))?
        .map_err(|e| ApiError::Internal(format!("bcrypt: {e}")))
}

/// `true` only when `hash` is a valid bcrypt hash of `password`.
pub async fn verify_password(password: String, hash: String) -> bool {
    tokio::task::spawn_blocking(move || bcrypt::verify(password, &hash).unwrap_or(false))
        .await
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_four_digits() {
        for _ in 0..200 {
            let c = new_code(4).unwrap();
            let n: u32 = c.parse().unwrap();
            assert!((1000..=9998).contains(&n), "{c}");
            let long = new_code(6).unwrap();
            assert_eq!(long.len(), 6, "{long}");
            assert!(long.chars().all(|d| d.is_ascii_digit()) && !long.starts_with('0'));
            assert_eq!(new_code(12).unwrap().len(), 12);
        }
        assert_eq!(random_hex(16).unwrap().len(), 32);
    }
}
