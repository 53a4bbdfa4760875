//! A synthesis killed (SIGKILL) at random moments always leaves an outdir whose `manifest.json`
//! and every file it names are whole, and the next run reclaims whatever the killed one left;
//! two syntheses into one outdir at once both succeed and leave a consistent assembly.
//!
//! Runs `examples/scale.rs` (`cargo build --examples` first).

mod common;

use std::fs;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use common::example_binary;
use lambda_cdk::assets::{fingerprint, FingerprintOptions};
use serde_json::Value as Json;

/// `scale bigasset <asset>` into `outdir`, started (not waited for).
fn start(asset: &Path, outdir: &Path) -> Child {
    let mut cmd = Command::new(example_binary("scale"));
    cmd.args(["bigasset".as_ref(), asset.as_os_str()])
        .env("CDK_OUTDIR", outdir)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    for (key, _) in std::env::vars_os() {
        let key = key.to_string_lossy().into_owned();
        if key.starts_with("CDK_") && key != "CDK_OUTDIR" || key.starts_with("LAMBDA_CDK_") {
            cmd.env_remove(key);
        }
    }
    cmd.spawn().expect("scale runs")
}

fn finish(child: Child) {
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "scale failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// An asset folder of `files` files of 64 KiB, each different; `version` changes their bytes.
fn write_asset(dir: &Path, files: usize, version: u64) {
    fs::create_dir_all(dir).unwrap();
    for i in 0..files {
        let mut bytes = vec![0u8; 64 * 1024];
        let mut x = (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ version;
        for b in bytes.iter_mut() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            *b = x as u8;
        }
        fs::write(dir.join(format!("f{i:04}.bin")), bytes).unwrap();
    }
}

fn read_json(path: &Path) -> Json {
    let text =
        fs::read(path).unwrap_or_else(|e| panic!("{} named but unreadable: {e}", path.display()));
    serde_json::from_slice(&text)
        .unwrap_or_else(|e| panic!("{} is not whole JSON: {e}", path.display()))
}

/// The assembly in `outdir` is whole: manifest.json and each file it names parse, and each
/// asset folder an asset manifest names exists and hashes to its name.
fn assert_consistent(outdir: &Path) {
    let manifest = read_json(&outdir.join("manifest.json"));
    let artifacts = manifest["artifacts"].as_object().expect("artifacts");
    let mut asset_folders = 0;
    for artifact in artifacts.values() {
        for name in [
            &artifact["properties"]["templateFile"],
            &artifact["properties"]["file"],
            &artifact["additionalMetadataFile"],
        ] {
            if let Some(name) = name.as_str() {
                read_json(&outdir.join(name));
            }
        }
        if artifact["type"] != "cdk:asset-manifest" {
            continue;
        }
        let assets = read_json(&outdir.join(artifact["properties"]["file"].as_str().unwrap()));
        for (hash, asset) in assets["files"].as_object().unwrap() {
            let path = outdir.join(asset["source"]["path"].as_str().unwrap());
            assert!(path.exists(), "{} named but missing", path.display());
            if asset["source"]["packaging"] == "zip" {
                let actual = fingerprint(&path, &FingerprintOptions::default()).unwrap();
                assert_eq!(
                    &actual,
                    hash,
                    "{} does not hash to its name",
                    path.display()
                );
                asset_folders += 1;
            }
        }
    }
    assert_eq!(asset_folders, 1);
}

fn leftovers(outdir: &Path) -> Vec<String> {
    fs::read_dir(outdir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.starts_with(".lambda-cdk") || n.starts_with(".staging") || n.ends_with(".lock")
        })
        .collect()
}

/// Random moments within a typical run's duration (xorshift, seeded from the clock).
struct Moments {
    state: u64,
    typical: Duration,
    /// The first run's duration: `typical` never grows past it.
    longest: Duration,
}

impl Moments {
    fn new(typical: Duration) -> Self {
        let state = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64
            | 1;
        Moments {
            state,
            typical,
            longest: typical,
        }
    }

    /// Starts `scale bigasset` into `outdir` and SIGKILLs it at the next moment; true if it
    /// was still running then.
    fn run_and_kill(&mut self, asset: &Path, outdir: &Path) -> bool {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        let delay = Duration::from_micros(self.state % (self.typical.as_micros() as u64 + 1));
        let mut child = start(asset, outdir);
        std::thread::sleep(delay);
        let killed = child.try_wait().unwrap().is_none();
        if killed {
            child.kill().unwrap(); // SIGKILL
                                   // Killed: aim a little later next time, so moments keep covering the whole run.
            self.typical = (self.typical * 5 / 4).min(self.longest);
        } else {
            // It finished first: the first run (which measured `typical`) was slower than the
            // runs now (a cold cache, a busy machine); aim earlier, or too few runs get killed.
            self.typical = (self.typical / 2).max(Duration::from_millis(2));
        }
        let _ = child.wait();
        killed
    }
}

#[test]
fn a_killed_synthesis_leaves_a_whole_assembly() {
    let tmp = tempfile::tempdir().unwrap();
    let asset = tmp.path().join("asset");
    let outdir = tmp.path().join("cdk.out");
    write_asset(&asset, 80, 0);
    let t0 = Instant::now();
    finish(start(&asset, &outdir));
    let typical = t0.elapsed().max(Duration::from_millis(20));
    assert_consistent(&outdir);

    let mut moments = Moments::new(typical);
    let mut kills = 0;
    let mut round = 0u64;
    // Until 20 runs were killed while they ran (a run that finished first is checked too).
    while kills < 20 && round < 80 {
        round += 1;
        // New bytes every round: each run stages a new asset and replaces the previous one.
        write_asset(&asset, 80, round);
        kills += usize::from(moments.run_and_kill(&asset, &outdir));
        assert_consistent(&outdir);
    }
    assert!(
        kills >= 20,
        "only {kills} of {round} runs were killed while running"
    );
    finish(start(&asset, &outdir));
    assert_consistent(&outdir);
    assert_eq!(leftovers(&outdir), Vec::<String>::new());
    // No asset folder of a killed run is left behind either: only the one the manifest names.
    let assets = fs::read_dir(&outdir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("asset.")
        })
        .count();
    assert_eq!(assets, 1);
    // Nor anything next to the outdir.
    let mut beside: Vec<String> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    beside.sort();
    assert_eq!(beside, ["asset", "cdk.out"]);
}

#[test]
fn two_syntheses_into_one_outdir_both_succeed() {
    let tmp = tempfile::tempdir().unwrap();
    let asset = tmp.path().join("asset");
    let outdir = tmp.path().join("cdk.out");
    write_asset(&asset, 50, 0);
    for round in 0..10u64 {
        write_asset(&asset, 50, round % 2);
        let a = start(&asset, &outdir);
        let b = start(&asset, &outdir);
        finish(a);
        finish(b);
        assert_consistent(&outdir);
        assert_eq!(leftovers(&outdir), Vec::<String>::new());
    }
}

/// Big enough (19.7 MB) to be staged while it is hashed, when the function is built, into an
/// outdir without assets.
const BIG_ASSET_FILES: usize = 300;

#[test]
fn a_killed_first_synthesis_of_a_big_asset_is_reclaimed_by_the_next() {
    let tmp = tempfile::tempdir().unwrap();
    let asset = tmp.path().join("asset");
    write_asset(&asset, BIG_ASSET_FILES, 0);
    let t0 = Instant::now();
    let first = tmp.path().join("first.out");
    finish(start(&asset, &first));
    let typical = t0.elapsed().max(Duration::from_millis(20));
    assert_consistent(&first);

    let mut moments = Moments::new(typical);
    let mut kills = 0;
    let mut round = 0u64;
    while kills < 20 && round < 80 {
        round += 1;
        // Each round a first synthesis: a new outdir, so the asset is staged while hashed.
        let outdir = tmp.path().join(format!("round{round}.out"));
        kills += usize::from(moments.run_and_kill(&asset, &outdir));
        if outdir.join("manifest.json").exists() {
            assert_consistent(&outdir);
        }
        finish(start(&asset, &outdir));
        assert_consistent(&outdir);
        assert_eq!(leftovers(&outdir), Vec::<String>::new(), "round {round}");
        fs::remove_dir_all(&outdir).unwrap();
    }
    assert!(
        kills >= 20,
        "only {kills} of {round} runs were killed while running"
    );
}

#[test]
fn two_first_syntheses_of_a_big_asset_into_one_outdir_both_succeed() {
    let tmp = tempfile::tempdir().unwrap();
    let asset = tmp.path().join("asset");
    write_asset(&asset, BIG_ASSET_FILES, 0);
    for round in 0..5u64 {
        // Each binds (and stages into the outdir) before either synthesizes: the first to
        // synthesize must not reclaim the other's copy.
        let outdir = tmp.path().join(format!("round{round}.out"));
        let a = start(&asset, &outdir);
        let b = start(&asset, &outdir);
        finish(a);
        finish(b);
        assert_consistent(&outdir);
        assert_eq!(leftovers(&outdir), Vec::<String>::new());
    }
}
