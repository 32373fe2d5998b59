//! Running the byline binary as a user would, with its config and data folders in `dir`.

use std::path::Path;
use std::process::{Command, Output};

pub fn byline(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .env("BYLINE_CONFIG_DIR", dir)
        .env("BYLINE_DATA_DIR", dir.join("data"))
        .env_remove("NO_COLOR")
        .output()
        .expect("run byline")
}
