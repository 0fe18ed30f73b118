#!/usr/bin/env python3
"""Makes the installable web app's icons (城管通, CityLoop 数字城管) with PIL, reproducibly:
a deep government blue (#1f4e79) tile with a white location pin whose head is a loop, standing in a ring.

Writes into webapp/src/main/resources/META-INF/resources/:
  icons/icon-192.png, icons/icon-512.png   rounded tile, transparent corners (manifest, purpose "any")
  icons/maskable-512.png                    full-bleed blue, the mark inside the 80 % safe zone (purpose "maskable")
  icons/apple-touch-icon.png                180 x 180, full-bleed (iOS rounds the corners itself)
  favicon.ico                               16, 32 and 48 px, each drawn at its own size

Run: python3 webapp/tools/make-icons.py   (needs Pillow: Debian python3-pil). Same Pillow, same bytes.
"""
import math
import os
import sys

from PIL import Image, ImageDraw

BLUE = (0x1F, 0x4E, 0x79, 255)
WHITE = (255, 255, 255, 255)
SUPERSAMPLE = 8          # draw large, scale down with a Lanczos filter: smooth edges without PIL's aliasing
CORNER = 0.22            # corner radius of the rounded tile, fraction of the side
SAFE_RADIUS = 0.40       # the maskable safe zone: a circle of 40 % of the side around the centre

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "main", "resources", "META-INF", "resources")


def draw_mark(draw, size, scale, bold=False):
    """The mark, centred, in units of `scale` pixels: a pin (head circle + the tangent triangle to its tip)
    with a round hole, standing in an elliptic ring that passes behind it (a blue halo cuts the ring)."""
    cx, cy = size / 2, size / 2 - 0.02 * scale  # the mark spans -0.32 .. +0.36: centre it optically

    def p(x, y):
        return (cx + x * scale, cy + y * scale)

    head_y, head_r, tip_y = -0.12, 0.20, 0.25
    hole_r = 0.075 if bold else 0.085
    ring_y, ring_rx, ring_ry = 0.25, 0.27, 0.08
    ring_w = 0.060 if bold else 0.038
    halo = 0.045 if bold else 0.035

    def pin(grow):
        # Tangent points from the tip to the head circle of radius head_r + grow.
        r = head_r + grow
        d = tip_y + grow * 1.6 - head_y
        a = math.asin(r / d)
        tx = r * math.cos(a)
        ty = head_y + r * math.sin(a)
        tip = p(0, tip_y + grow * 1.6)
        return r, tip, p(-tx, ty), p(tx, ty)

    def fill_pin(grow, colour):
        r, tip, left, right = pin(grow)
        draw.polygon([tip, left, right], fill=colour)
        draw.ellipse([p(-r, head_y - r), p(r, head_y + r)], fill=colour)

    # The ring: an elliptic band.
    outer = (ring_rx + ring_w / 2, ring_ry + ring_w / 2)
    inner = (ring_rx - ring_w / 2, ring_ry - ring_w / 2)
    draw.ellipse([p(-outer[0], ring_y - outer[1]), p(outer[0], ring_y + outer[1])], fill=WHITE)
    draw.ellipse([p(-inner[0], ring_y - inner[1]), p(inner[0], ring_y + inner[1])], fill=BLUE)
    # The pin over it, with a blue halo so the ring's back passes behind the pin.
    fill_pin(halo, BLUE)
    fill_pin(0, WHITE)
    # The ring's front arc again, in front of the pin's tip.
    front = Image.new("L", draw.im.size, 0)
    fd = ImageDraw.Draw(front)
    fd.ellipse([p(-outer[0], ring_y - outer[1]), p(outer[0], ring_y + outer[1])], fill=255)
    fd.ellipse([p(-inner[0], ring_y - inner[1]), p(inner[0], ring_y + inner[1])], fill=0)
    fd.rectangle([p(-outer[0] - 1, -10), p(outer[0] + 1, ring_y)], fill=0)  # keep the lower half only
    draw.bitmap((0, 0), front, fill=WHITE)
    # The hole: the loop of the pin's head.
    draw.ellipse([p(-hole_r, head_y - hole_r), p(hole_r, head_y + hole_r)], fill=BLUE)


def render(size, kind):
    """kind: 'rounded' (transparent corners), 'full' (full-bleed square) or 'maskable'."""
    big = size * SUPERSAMPLE
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    if kind == "rounded":
        draw.rounded_rectangle([0, 0, big - 1, big - 1], radius=round(CORNER * big), fill=BLUE)
    else:
        draw.rectangle([0, 0, big - 1, big - 1], fill=BLUE)
    scale = {"rounded": 0.92, "full": 0.92, "maskable": 0.84}[kind] * big
    draw_mark(draw, big, scale, bold=size <= 48)
    return img.resize((size, size), Image.LANCZOS)


def check_maskable(img):
    """Every white-ish pixel lies inside the safe zone, and the background reaches every edge."""
    size = img.width
    c = (size - 1) / 2
    worst = 0.0
    for y in range(size):
        for x in range(size):
            r, g, b, a = img.getpixel((x, y))
            if r > 0x60 and a == 255:
                worst = max(worst, math.hypot(x - c, y - c) / size)
    corners = [img.getpixel(xy) for xy in [(0, 0), (size - 1, 0), (0, size - 1), (size - 1, size - 1)]]
    if worst > SAFE_RADIUS or any(px != BLUE for px in corners):
        raise SystemExit(f"maskable icon: mark reaches {worst:.3f} of the side (limit {SAFE_RADIUS}), corners {corners}")
    return worst


def save_png(img, path):
    img.save(path, format="PNG", optimize=True)
    print(f"  {os.path.relpath(path, os.path.join(HERE, '..', '..'))}: {img.width}x{img.height}, {os.path.getsize(path)} bytes")


def main():
    icons = os.path.join(OUT, "icons")
    os.makedirs(icons, exist_ok=True)
    save_png(render(192, "rounded"), os.path.join(icons, "icon-192.png"))
    save_png(render(512, "rounded"), os.path.join(icons, "icon-512.png"))
    maskable = render(512, "maskable")
    worst = check_maskable(maskable)
    save_png(maskable, os.path.join(icons, "maskable-512.png"))
    print(f"    mark within {worst:.3f} of the side from the centre (safe zone {SAFE_RADIUS})")
    save_png(render(180, "full").convert("RGB"), os.path.join(icons, "apple-touch-icon.png"))

    favicon = os.path.join(OUT, "favicon.ico")
    sizes = [16, 32, 48]
    frames = [render(s, "rounded") for s in sizes]
    frames[-1].save(favicon, format="ICO", sizes=[(s, s) for s in sizes], append_images=frames[:-1])
    with Image.open(favicon) as ico:
        got = sorted(ico.info.get("sizes", set()))
    if got != [(s, s) for s in sizes]:
        raise SystemExit(f"favicon.ico holds {got}, expected {sizes}")
    print(f"  {os.path.relpath(favicon, os.path.join(HERE, '..', '..'))}: {', '.join(f'{s}x{s}' for s in sizes)}, "
          f"{os.path.getsize(favicon)} bytes")


if __name__ == "__main__":
    sys.exit(main())
