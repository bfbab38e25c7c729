#!/bin/sh
# Cài Tổ Số cho người dùng hiện tại (không cần quyền root) / install Tổ Số for the current user.
#
#   sh install.sh              cài hoặc nâng cấp / install or upgrade
#   sh install.sh --uninstall  gỡ ứng dụng / remove the app
#
# The app goes to ~/.local/share/toso-app; the data folder (~/.local/share/ToSo, or $TOSO_DATA_DIR) is a
# different folder, and neither an upgrade nor --uninstall ever touches it.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
SHARE=${XDG_DATA_HOME:-$HOME/.local/share}
APP_DIR=$SHARE/toso-app
BIN_DIR=$HOME/.local/bin

unregister() {
    rm -f "$SHARE/applications/toso.desktop" "$BIN_DIR/toso"
    for size in 16 24 32 48 64 128 256; do
        rm -f "$SHARE/icons/hicolor/${size}x${size}/apps/toso.png"
    done
}

if [ "${1:-}" = "--uninstall" ]; then
    unregister
    rm -rf "$APP_DIR"
    echo "Đã gỡ Tổ Số. Dữ liệu của xã vẫn còn nguyên tại $SHARE/ToSo."
    exit 0
fi

[ -x "$HERE/toso/toso" ] || { echo "install.sh: không thấy thư mục toso/ bên cạnh tệp này." >&2; exit 1; }

# Replace the old version as a whole (a file left from it could shadow a new one); copy first, then swap,
# so an interrupted upgrade leaves the old app working.
mkdir -p "$SHARE"
rm -rf "$APP_DIR.new"
cp -R "$HERE/toso" "$APP_DIR.new"
rm -rf "$APP_DIR.old"
[ -d "$APP_DIR" ] && mv "$APP_DIR" "$APP_DIR.old"
mv "$APP_DIR.new" "$APP_DIR"
rm -rf "$APP_DIR.old"

unregister
mkdir -p "$SHARE/applications" "$BIN_DIR"
sed "s|@APP_DIR@|$APP_DIR|g" "$HERE/toso.desktop" >"$SHARE/applications/toso.desktop"
for size in 16 24 32 48 64 128 256; do
    icon="$APP_DIR/_internal/resources/icons/toso-$size.png"
    [ -f "$icon" ] || continue
    mkdir -p "$SHARE/icons/hicolor/${size}x${size}/apps"
    cp "$icon" "$SHARE/icons/hicolor/${size}x${size}/apps/toso.png"
done
ln -sf "$APP_DIR/toso" "$BIN_DIR/toso"
# Menus and icon caches refresh by themselves after a while; these make it immediate where the tools exist.
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$SHARE/applications" || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true
fi

echo "Đã cài Tổ Số vào $APP_DIR."
echo "Mở từ menu ứng dụng (mục Văn phòng), hoặc gõ: toso"
echo "Dữ liệu của xã nằm ở $SHARE/ToSo (được giữ nguyên khi nâng cấp hay gỡ ứng dụng)."
