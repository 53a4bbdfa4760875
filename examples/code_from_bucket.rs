//! Code from an S3 bucket (plain, versioned with a KMS key, REFERENCE storage mode), an
//! explicit Version, and code from template parameters (oracle app `code-from-bucket`).

use lambda_cdk::kms::Key;
use lambda_cdk::lambda::{BucketCodeOptions, S3ObjectStorageMode};
use lambda_cdk::prelude::*;
use lambda_cdk::s3::Bucket;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "code-from-bucket")?;
    let bucket = Bucket::builder().versioned(true).build(&stack, "Bucket")?;
    let key = Key::builder().build(&stack, "Key")?;

    let plain = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_bucket(&bucket, "python-lambda-handler.zip"))
        .build(&stack, "FromBucket")?;
    Version::builder()
        .lambda(&plain)
        .build(&stack, "FromBucketVersion")?;

    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_bucket_v2(
            &bucket,
            "handler.zip",
            BucketCodeOptions {
                object_version: Some("v123".into()),
                source_kms_key: Some(key),
                ..Default::default()
            },
        ))
        .build(&stack, "FromBucketV2")?;

    Function::builder()
        .function_name("my-function")
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_bucket_v2(
            &bucket,
            "my-function.zip",
            BucketCodeOptions {
                object_version: Some("v1".into()),
                s3_object_storage_mode: Some(S3ObjectStorageMode::Reference),
                ..Default::default()
            },
        ))
        .build(&stack, "Referenced")?;

    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_cfn_parameters())
        .build(&stack, "FromParams")?;
    app.synth()?;
    Ok(())
}
