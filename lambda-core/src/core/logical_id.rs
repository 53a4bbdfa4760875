//! aws-cdk-lib's `makeUniqueId`: construct path components to a CloudFormation logical ID.

use md5::{Digest, Md5};

const HIDDEN_ID: &str = "Default";
const HIDDEN_FROM_HUMAN_ID: &str = "Resource";
const HASH_LEN: usize = 8;
const MAX_HUMAN_LEN: usize = 240;
const MAX_ID_LEN: usize = 255;

/// The logical ID aws-cdk-lib gives an element whose path below its stack is `components`.
///
/// A single component is used as is (non-alphanumerics removed); several get a human part
/// (suffix-deduplicated, `Resource` dropped, cut at 240) plus the first 8 upper-case hex digits
/// of the md5 of the raw path, so renames of hidden components still change the ID.
pub fn make_unique_id(components: &[&str]) -> Result<String, String> {
    let components: Vec<&str> = components
        .iter()
        .copied()
        .filter(|c| *c != HIDDEN_ID)
        .collect();
    if components.is_empty() {
        return Err("Unable to calculate a unique id for an empty set of components".into());
    }
    if components.len() == 1 {
        let candidate = remove_non_alphanumeric(components[0]);
        if candidate.len() <= MAX_ID_LEN {
            return Ok(candidate);
        }
    }
    let hash = path_hash(&components);
    let human: String = remove_dupes(&components)
        .into_iter()
        .filter(|c| *c != HIDDEN_FROM_HUMAN_ID)
        .map(remove_non_alphanumeric)
        .collect::<String>()
        .chars()
        .take(MAX_HUMAN_LEN)
        .collect();
    Ok(human + &hash)
}

/// The path hash of `makeUniqueId`: md5 of the components joined by `/`, 8 hex digits, upper case.
pub fn path_hash(components: &[&str]) -> String {
    let digest = Md5::digest(components.join("/").as_bytes());
    let mut hex = String::with_capacity(HASH_LEN);
    for byte in &digest[..HASH_LEN / 2] {
        hex.push_str(&format!("{byte:02X}"));
    }
    hex
}

/// Checks the rule CloudFormation enforces on every logical ID.
pub fn validate_logical_id(id: &str) -> Result<(), String> {
    if id.is_empty() || id.len() > MAX_ID_LEN || !id.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(format!(
            "Logical ID must adhere to the regular expression: /^[A-Za-z0-9]{{1,255}}$/, got '{id}'"
        ));
    }
    Ok(())
}

/// Drops a component when the previously kept one already ends with it (`MyFunction/Function`).
fn remove_dupes<'a>(components: &[&'a str]) -> Vec<&'a str> {
    let mut kept: Vec<&'a str> = Vec::with_capacity(components.len());
    for component in components {
        if let Some(previous) = kept.last() {
            if previous.ends_with(component) {
                continue;
            }
        }
        kept.push(component);
    }
    kept
}

fn remove_non_alphanumeric(s: &str) -> String {
    s.chars().filter(|c| c.is_ascii_alphanumeric()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(path: &str) -> String {
        let parts: Vec<&str> = path.split('/').collect();
        make_unique_id(&parts).unwrap()
    }

    // Vectors from aws-cdk-lib's logical-id tests and our runs (reference §3.3).
    #[test]
    fn worked_examples() {
        assert_eq!(id("MyAwesomeness"), "MyAwesomeness");
        assert_eq!(id(&"x".repeat(255)), "x".repeat(255));
        assert_eq!(id(&"*y-".repeat(255)), "y".repeat(255));
        assert_eq!(id(&"x".repeat(256)), "x".repeat(240) + "C7A139A2");
        assert_eq!(
            id("Parent/Child/Resource/HeyThere"),
            "ParentChildHeyThere35220347"
        );
        assert_eq!(id("Parent/ThingResource"), "ParentThingResource75D1D9CB");
        assert_eq!(
            id("Foo-bar/B00m/Hello_World/&&Horray Horray."),
            "FoobarB00mHelloWorldHorrayHorray640E99FB"
        );
        assert_eq!(
            id("Foobar/B00m/HelloWorld/HorrayHorray"),
            "FoobarB00mHelloWorldHorrayHorray744334FD"
        );
        assert_eq!(id("Foo-bar"), "Foobar");
        assert_eq!(id("Parent/Default/HeyThere"), id("Parent/HeyThere"));
        assert_eq!(
            id("MyFunction/ServiceRole/Resource"),
            "MyFunctionServiceRole3C357FF2"
        );
        assert_eq!(id("MyFunction/Resource"), "MyFunction3BAA72D1");
        assert_eq!(id("Fn/Resource"), "Fn9270CBC0");
        assert_eq!(
            id("MyLambda/ServiceRole/DefaultPolicy/Resource"),
            "MyLambdaServiceRoleDefaultPolicy5BBC6F68"
        );
        assert_eq!(id("Fn/invoke-function-url"), "Fninvokefunctionurl993E5E7C");
        assert_eq!(
            id("MyFunction/CurrentVersion/Resource"),
            "MyFunctionCurrentVersion197490AF"
        );
    }

    #[test]
    fn long_paths_are_cut_at_240() {
        let a = "A".repeat(120);
        let b = "B".repeat(120);
        let got = make_unique_id(&[&a, &b, "Resource"]).unwrap();
        assert_eq!(got, format!("{a}{b}B228BCD7"));
    }

    #[test]
    fn empty_and_invalid() {
        assert!(make_unique_id(&["Default"]).is_err());
        assert!(validate_logical_id("a-b").is_err());
        assert!(validate_logical_id("ab").is_ok());
    }
}
