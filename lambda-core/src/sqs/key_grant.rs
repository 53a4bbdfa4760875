//! Grants on the KMS key that encrypts a queue or topic (aws-cdk-lib's `key.grant`), shared by
//! `sqs` and `sns`.

use crate::iam::{add_to_principal_or_resource, Conditions, Grant, GrantOptions, Grantable};
use crate::iam::{PolicyStatement, Principal};
use crate::kms::Key;
use crate::{Construct, Pseudo, Result};

/// Gives `grantee` `actions` on `key`: in its identity policy with the key's ARN, or, when it
/// has none or is in another account, in the key policy (on `"*"`, the key itself).
pub(crate) fn grant_on_key(key: &Key, grantee: &dyn Grantable, actions: &[&str]) -> Result<Grant> {
    let account = key
        .node()
        .stack()
        .map_or_else(|| Pseudo::AccountId.value(), |s| s.account_value());
    let principal: Principal = grantee.grant_principal();
    let resource_actions: Vec<String> = actions.iter().map(|a| (*a).to_owned()).collect();
    add_to_principal_or_resource(
        GrantOptions {
            grantee,
            actions: resource_actions.clone(),
            resource_arns: vec![key.key_arn()],
            conditions: Conditions::new(),
            resource_account: account,
        },
        |_| {
            key.add_to_resource_policy(
                PolicyStatement::new()
                    .actions(resource_actions)
                    .resources(["*"])
                    .principal(principal),
            );
            Ok(())
        },
    )
}
