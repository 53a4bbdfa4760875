//! `JSON.stringify` of a CDK `Runtime` object, byte for byte.
//!
//! aws-cdk-lib hashes `JSON.stringify(Runtime.ALL)` into imported layers' version
//! hashes (see the spec, §1.6), so this text must match Node's output exactly.

use super::Runtime;
use crate::text::push_json_string;

impl Runtime {
    /// This runtime as `JSON.stringify` prints the CDK object: keys `name`,
    /// `supportsInlineCode`, `supportsCodeGuruProfiling`, `supportsSnapStart`, `family`
    /// (left out when `None`, as `undefined` is), `bundlingDockerImage`, `bundlingImage`,
    /// `isVariable`, in that order, without spaces.
    pub fn to_cdk_json(&self) -> String {
        let image = self.bundling_image();
        let mut out = String::with_capacity(256);
        out.push_str("{\"name\":");
        push_json_string(&mut out, self.name);
        out.push_str(",\"supportsInlineCode\":");
        out.push_str(bool_text(self.supports_inline_code));
        out.push_str(",\"supportsCodeGuruProfiling\":");
        out.push_str(bool_text(self.supports_code_guru_profiling));
        out.push_str(",\"supportsSnapStart\":");
        out.push_str(bool_text(self.supports_snap_start));
        if let Some(family) = self.family {
            out.push_str(",\"family\":");
            out.push_str(&family.cdk_index().to_string());
        }
        out.push_str(",\"bundlingDockerImage\":");
        push_json_string(&mut out, &image);
        out.push_str(",\"bundlingImage\":");
        push_json_string(&mut out, &image);
        out.push_str(",\"isVariable\":");
        out.push_str(bool_text(self.is_variable));
        out.push('}');
        out
    }

    /// `JSON.stringify(Runtime.ALL)` for the whole catalogue (no trailing newline).
    pub fn all_to_cdk_json() -> String {
        let items: Vec<String> = Runtime::ALL.iter().map(Runtime::to_cdk_json).collect();
        format!("[{}]", items.join(","))
    }
}

const fn bool_text(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RuntimeFamily;

    #[test]
    fn one_entry() {
        assert_eq!(
            Runtime::NODEJS.to_cdk_json(),
            r#"{"name":"nodejs","supportsInlineCode":true,"supportsCodeGuruProfiling":false,"supportsSnapStart":false,"family":0,"bundlingDockerImage":"public.ecr.aws/sam/build-nodejs","bundlingImage":"public.ecr.aws/sam/build-nodejs","isVariable":false}"#
        );
    }

    #[test]
    fn from_image_has_no_family() {
        assert_eq!(
            Runtime::FROM_IMAGE.to_cdk_json(),
            r#"{"name":"FROM_IMAGE","supportsInlineCode":false,"supportsCodeGuruProfiling":false,"supportsSnapStart":false,"bundlingDockerImage":"public.ecr.aws/sam/build-FROM_IMAGE","bundlingImage":"public.ecr.aws/sam/build-FROM_IMAGE","isVariable":false}"#
        );
    }

    #[test]
    fn custom_names_are_escaped() {
        let r = Runtime::custom("we\"ird\\", Some(RuntimeFamily::Other));
        assert!(r.to_cdk_json().starts_with(r#"{"name":"we\"ird\\","#));
    }
}
