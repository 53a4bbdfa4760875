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
    // Called for every element of every stack: one allocation, the result.
    let kept = || components.iter().copied().filter(|c| *c != HIDDEN_ID);
    let count = kept().count();
    if count == 0 {
        return Err("Unable to calculate a unique id for an empty set of components".into());
    }
    if count == 1 {
        let only = kept().next().expect("one component");
        if only.bytes().filter(u8::is_ascii_alphanumeric).count() <= MAX_ID_LEN {
            let mut id = String::with_capacity(only.len());
            push_alphanumeric(&mut id, only, MAX_ID_LEN);
            return Ok(id);
        }
    }
    let mut id = String::with_capacity(64);
    let mut previous: Option<&str> = None;
    for component in kept() {
        // A component the previously kept one already ends with is a duplicate (`Fn/Fn`).
        if previous.is_some_and(|p| p.ends_with(component)) {
            continue;
        }
        previous = Some(component);
        if component != HIDDEN_FROM_HUMAN_ID {
            push_alphanumeric(&mut id, component, MAX_HUMAN_LEN);
        }
    }
    push_path_hash(&mut id, kept());
    Ok(id)
}

/// The path hash of `makeUniqueId`: md5 of the components joined by `/`, 8 hex digits, upper case.
pub fn path_hash(components: &[&str]) -> String {
    let mut hex = String::with_capacity(HASH_LEN);
    push_path_hash(&mut hex, components.iter().copied());
    hex
}

fn push_path_hash<'a>(out: &mut String, components: impl Iterator<Item = &'a str>) {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    let mut md5 = Md5::new();
    for (i, component) in components.enumerate() {
        if i > 0 {
            md5.update(b"/");
        }
        md5.update(component.as_bytes());
    }
    for byte in &md5.finalize()[..HASH_LEN / 2] {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 0xf)]));
    }
}

/// Appends the ASCII letters and digits of `s` while `out` is shorter than `max`.
fn push_alphanumeric(out: &mut String, s: &str, max: usize) {
    // Bytes of multi-byte characters are never ASCII letters or digits.
    for &b in s.as_bytes().iter().filter(|b| b.is_ascii_alphanumeric()) {
        if out.len() >= max {
            return;
        }
        out.push(char::from(b));
    }
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
