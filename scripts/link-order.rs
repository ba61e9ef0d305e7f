//! The build script (Cargo.toml's `build`): release builds of the `colloquy` binary are
//! linked with `scripts/hot-functions.txt`, the functions a running bot executes (listed by
//! `scripts/hot-functions`), placed side by side at the start of the code. The kernel maps
//! a program's code around each page it touches, so code that runs scattered across 65 MB
//! keeps far more of the binary resident than the code itself needs; grouped, an idle or
//! busy bot touches a few MiB. Only the order changes, never the code. Relative relocations
//! are packed as well (RELR). Both only where the linker is LLD (Rust's default on x86_64
//! Linux); `COLLOQUY_NO_LINK_ORDER=1` turns them off.

fn main() {
    println!("cargo:rerun-if-changed=scripts/hot-functions.txt");
    println!("cargo:rerun-if-env-changed=COLLOQUY_NO_LINK_ORDER");
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    let release = var("PROFILE") == "release";
    let lld_by_default = var("CARGO_CFG_TARGET_OS") == "linux"
        && var("CARGO_CFG_TARGET_ARCH") == "x86_64"
        && var("CARGO_CFG_TARGET_ENV") == "gnu";
    let off = !var("COLLOQUY_NO_LINK_ORDER").is_empty();
    let list = std::path::Path::new(&var("CARGO_MANIFEST_DIR")).join("scripts/hot-functions.txt");
    if release && lld_by_default && !off && list.is_file() {
        println!(
            "cargo:rustc-link-arg-bins=-Wl,--symbol-ordering-file={}",
            list.display()
        );
        // Names that a newer build no longer has are skipped quietly: only the order is lost.
        println!("cargo:rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
    }
    if release && lld_by_default && !off {
        // Relative relocations packed (RELR, glibc 2.36+): the loader reads a few KiB at
        // start instead of a 3 MB table that then stays resident.
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}
