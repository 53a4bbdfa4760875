//! Duration literals: `"30s"`, `"5m"`, `"1m30s"`, `"500ms"`, `"1h"`, `"30d"`.
//!
//! Deliberately narrow (one or more `<integer><unit>` parts, no spaces): what a
//! timeout needs, and nothing a reader could misread.

const UNITS: &[(&str, u64)] = &[
    ("ms", 1),
    ("s", 1_000),
    ("m", 60_000),
    ("h", 3_600_000),
    ("d", 86_400_000),
];

/// Milliseconds in `text`, or why it is not a duration.
pub fn parse_duration(text: &str) -> Result<u64, String> {
    let malformed = || {
        format!(
            "`{text}` is not a duration: write an integer and a unit (`ms`, `s`, `m`, `h`, `d`), e.g. `\"30s\"`, `\"5m\"` or `\"1m30s\"`"
        )
    };
    if text.is_empty() {
        return Err(malformed());
    }
    let mut rest = text;
    let mut total: u64 = 0;
    while !rest.is_empty() {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return Err(malformed());
        }
        let number: u64 = rest[..digits].parse().map_err(|_| malformed())?;
        rest = &rest[digits..];
        let letters = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        let unit = &rest[..letters];
        rest = &rest[letters..];
        let (_, factor) = UNITS
            .iter()
            .find(|(name, _)| *name == unit)
            .ok_or_else(malformed)?;
        total = number
            .checked_mul(*factor)
            .and_then(|ms| total.checked_add(ms))
            .ok_or_else(malformed)?;
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::parse_duration;

    #[test]
    fn accepts_units_and_combinations() {
        assert_eq!(parse_duration("30s"), Ok(30_000));
        assert_eq!(parse_duration("5m"), Ok(300_000));
        assert_eq!(parse_duration("900s"), Ok(900_000));
        assert_eq!(parse_duration("1m30s"), Ok(90_000));
        assert_eq!(parse_duration("1h"), Ok(3_600_000));
        assert_eq!(parse_duration("1500ms"), Ok(1_500));
        assert_eq!(parse_duration("30d"), Ok(30 * 86_400_000));
        assert_eq!(parse_duration("0s"), Ok(0));
    }

    #[test]
    fn refuses_anything_else() {
        for bad in [
            "",
            "30",
            "s",
            "30 s",
            "30sec",
            "-1s",
            "1.5s",
            "30S",
            "1m 30s",
            "99999999999999999999h",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }
}
