#!/bin/sh
# Makes screenshots/*.svg again with `zhenggai snapshot`, on the bundled reports
# as of 2022-01-15 at 120x40. tests/screenshots.rs reads the `shot` lines below
# and fails when a committed screenshot differs from what the code renders now.
set -eu
cd "$(dirname "$0")/.."
# Built once, so that every shot comes from the same code.
cargo build --release --quiet
bin=target/release/zhenggai

shot() {
    name=$1
    shift
    "$bin" snapshot --format svg --as-of 2022-01-15 --size 120x40 --force -o "screenshots/$name.svg" "$@"
    echo "screenshots/$name.svg"
}

shot overview --tab overview --lang zh --theme dark
shot units --tab units --lang zh --theme dark
shot problems --tab problems --lang zh --theme dark
shot amounts --tab amounts --lang zh --theme dark
shot land --tab land --lang zh --theme dark
shot deadlines --tab deadlines --lang zh --theme dark
shot land-source --tab land --keys '<Enter>' --lang zh --theme dark
shot problem --tab problems --keys '/新旧动能转换滞后<Enter>' --lang zh --theme dark
shot overview-en --tab overview --lang en --theme dark
shot help --tab overview --keys '?' --lang zh --theme dark
shot light --tab overview --lang zh --theme light
