//! Function URLs: aws-cdk-lib's check of the CORS `maxAge`.

use std::time::Duration;

use crate::codes::FUNCTION_URL_MAX_AGE_LESS;
use crate::SpecError;

/// Longest time a browser may cache a URL's CORS preflight response: one day.
pub const FUNCTION_URL_MAX_CORS_MAX_AGE_SECONDS: u64 = 86_400;

/// The CORS `MaxAge` of a Function URL in seconds, as aws-cdk-lib checks it: whole seconds
/// (`CannotConvertedIntoWhole`), at most one day (`FunctionUrlMaxAgeLess`).
pub fn validate_function_url_max_age(max_age: Duration) -> Result<u64, SpecError> {
    let seconds = crate::whole_seconds(max_age)?;
    if seconds > FUNCTION_URL_MAX_CORS_MAX_AGE_SECONDS {
        return Err(SpecError::new(
            FUNCTION_URL_MAX_AGE_LESS,
            format!(
                "FunctionUrl CORS maxAge should be less than or equal to \
                 {FUNCTION_URL_MAX_CORS_MAX_AGE_SECONDS} secs (got {seconds})"
            ),
        ));
    }
    Ok(seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_day_at_most_in_whole_seconds() {
        assert_eq!(
            validate_function_url_max_age(Duration::from_secs(86_400)),
            Ok(86_400)
        );
        let e = validate_function_url_max_age(Duration::from_secs(86_401)).unwrap_err();
        assert_eq!(e.code, FUNCTION_URL_MAX_AGE_LESS);
        let e = validate_function_url_max_age(Duration::from_millis(1500)).unwrap_err();
        assert_eq!(e.code, crate::codes::CANNOT_CONVERTED_INTO_WHOLE);
    }
}
