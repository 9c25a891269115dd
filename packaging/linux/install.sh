#!/usr/bin/env bash
# Install the built Quotebook bundle for the current user, or remove it again.
#
#   packaging/linux/install.sh               install dist/quotebook (build it first)
#   packaging/linux/install.sh --uninstall   remove everything the install put in place
#   options: --bundle DIR (default: dist/quotebook), --prefix DIR (default: ~/.local)
#
# Puts the bundle in PREFIX/opt/quotebook, a `quotebook` launcher in PREFIX/bin, and the desktop
# entry, icons and AppStream metadata under PREFIX/share, then refreshes the desktop's caches so
# Quotebook shows up in the application menu. Nothing needs root. The library the app keeps in
# ~/.local/share/Quotebook is user data and is never touched, not even by --uninstall.
#
# The bundle goes to opt/, not share/quotebook, so that it can never be confused with (or an
# uninstall remove) the library folder share/Quotebook next to it.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
prefix="${HOME:?HOME must be set}/.local"
bundle="$root/dist/quotebook"
action=install

while [ $# -gt 0 ]; do
    case "$1" in
        --uninstall) action=uninstall ;;
        --prefix) prefix="$2"; shift ;;
        --bundle) bundle="$2"; shift ;;
        -h|--help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

app_id="io.github.quotebook.Quotebook"
app_dir="$prefix/opt/quotebook"
bin_dir="$prefix/bin"
share="$prefix/share"
launcher="$bin_dir/quotebook"
desktop_file="$share/applications/quotebook.desktop"
metainfo_file="$share/metainfo/$app_id.metainfo.xml"
icon_root="$share/icons/hicolor"
sizes="16 24 32 48 64 128 256 512"

refresh_caches() {
    # Both tools are optional: desktops without them rescan on their own.
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$share/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$icon_root/index.theme" ]; then
        gtk-update-icon-cache -q -t -f "$icon_root" || true
    fi
}

uninstall() {
    rm -rf "$app_dir"
    # Remove the launcher only if it is ours, not some other `quotebook` on the PATH.
    if [ -L "$launcher" ] && [ "$(readlink "$launcher")" = "$app_dir/quotebook" ]; then
        rm -f "$launcher"
    fi
    rm -f "$desktop_file" "$metainfo_file" "$icon_root/scalable/apps/quotebook.svg"
    for size in $sizes; do
        rm -f "$icon_root/${size}x${size}/apps/quotebook.png"
    done
    refresh_caches
    echo "Quotebook removed."
    local library_dir="${XDG_DATA_HOME:-$HOME/.local/share}/Quotebook"
    if [ -d "$library_dir" ]; then
        echo "Your library in $library_dir is kept; delete that folder to remove it too."
    fi
}

# A value for the desktop entry's Exec key: the path in double quotes, with the characters the
# spec reserves inside quotes escaped, then every backslash doubled again as the key's string
# type requires. So a prefix with spaces or quotes still starts the app.
exec_quote() {
    printf '"%s"' "$(printf '%s' "$1" | sed -e 's/\\/\\\\\\\\/g' -e 's/["`$]/\\\\&/g')"
}

install() {
    if [ ! -x "$bundle/quotebook" ]; then
        echo "install.sh: no bundle at $bundle; build it first with packaging/build" >&2
        exit 1
    fi
    mkdir -p "$prefix/opt" "$bin_dir" "$share/applications" "$share/metainfo"

    # Copy beside the old version, then swap, so a failed copy leaves the old one working.
    rm -rf "$app_dir.new"
    cp -a "$bundle" "$app_dir.new"
    rm -rf "$app_dir"
    mv "$app_dir.new" "$app_dir"
    ln -sfn "$app_dir/quotebook" "$launcher"

    # The entry names the executable by its full path: ~/.local/bin is not on every
    # session's PATH, and the menu must work all the same.
    local exe_value line
    exe_value="$(exec_quote "$app_dir/quotebook")"
    while IFS= read -r line; do
        case "$line" in
            Exec=quotebook*) printf 'Exec=%s%s\n' "$exe_value" "${line#Exec=quotebook}" ;;
            TryExec=quotebook) printf 'TryExec=%s\n' "$app_dir/quotebook" ;;
            *) printf '%s\n' "$line" ;;
        esac
    done < "$here/quotebook.desktop" > "$desktop_file.new"
    mv "$desktop_file.new" "$desktop_file"
    cp "$here/$app_id.metainfo.xml" "$metainfo_file"

    for size in $sizes; do
        mkdir -p "$icon_root/${size}x${size}/apps"
        cp "$root/packaging/icons/quotebook-$size.png" "$icon_root/${size}x${size}/apps/quotebook.png"
    done
    mkdir -p "$icon_root/scalable/apps"
    cp "$root/resources/icons/quotebook.svg" "$icon_root/scalable/apps/quotebook.svg"
    touch "$icon_root" 2>/dev/null || true

    refresh_caches
    echo "Quotebook installed in $app_dir"
    echo "  menu entry: $desktop_file"
    echo "  command:    $launcher"
    case ":$PATH:" in
        *":$bin_dir:"*) ;;
        *) echo "  ($bin_dir is not on your PATH; the menu entry works regardless)" ;;
    esac
}

"$action"
