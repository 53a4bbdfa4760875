//! How Lambda keeps code that lives in S3.

use super::spec_enum;

spec_enum! {
    /// Storage of S3-hosted code (`Code.S3ObjectStorageMode`).
    pub enum S3ObjectStorageMode : "S3 object storage mode" {
        /// Lambda copies the object when the function is created or updated (`COPY`).
        Copy = "COPY",
        /// Lambda reads the object in place (`REFERENCE`); needs a versioned object.
        Reference = "REFERENCE",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_spellings() {
        assert_eq!(S3ObjectStorageMode::Copy.as_str(), "COPY");
        assert_eq!(S3ObjectStorageMode::Reference.as_str(), "REFERENCE");
        assert_eq!(
            S3ObjectStorageMode::from_name("reference"),
            Some(S3ObjectStorageMode::Reference)
        );
    }
}
