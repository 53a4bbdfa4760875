//! Which versions SnapStart snapshots.

use super::spec_enum;

spec_enum! {
    /// SnapStart setting (`SnapStart.ApplyOn`; CDK's `SnapStartConf`).
    pub enum SnapStartApplyOn : "SnapStart setting" {
        /// Snapshot every published version (`PublishedVersions`; CDK's `ON_PUBLISHED_VERSIONS`).
        PublishedVersions = "PublishedVersions" | "ON_PUBLISHED_VERSIONS",
        /// SnapStart off (`None`).
        None = "None" | "NONE",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_spellings() {
        assert_eq!(
            SnapStartApplyOn::PublishedVersions.as_str(),
            "PublishedVersions"
        );
        assert_eq!(SnapStartApplyOn::None.as_str(), "None");
        assert_eq!(
            SnapStartApplyOn::from_name("ON_PUBLISHED_VERSIONS"),
            Some(SnapStartApplyOn::PublishedVersions)
        );
        assert_eq!(
            SnapStartApplyOn::from_name("published_versions"),
            Some(SnapStartApplyOn::PublishedVersions)
        );
    }
}
