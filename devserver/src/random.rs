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

/// A 4-digit e-mail code in 1000..=9998, like the reference.
pub fn new_code() -> ApiResult<String> {
    let n = getrandom::u32().map_err(rng_error)? % 8999 + 1000;
    Ok(n.to_string())
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
            let c = new_code().unwrap();
            let n: u32 = c.parse().unwrap();
            assert!((1000..=9998).contains(&n), "{c}");
        }
        assert_eq!(random_hex(16).unwrap().len(), 32);
    }
}
