#!/usr/bin/python3
"""Writes the conformance-test inputs not written by make_codec_data.py, and the expected pixels of every conformance
input as PIL 9.4 decodes it (what torchvision's ImageFolder loader produces): expected/<file>.rgb holds the raw
height x width x 3 bytes of ImageOps.exif_transpose(Image.open(file)).convert("RGB"), and expected/<file>.over.rgb
the same image composited over the background (10, 200, 30) with PIL's alpha_composite. Run it after
make_codec_data.py, from this folder."""
import os, shutil, struct, zlib
import numpy
from PIL import Image, ImageOps

def png_chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

def adam7_png(image):
    """An Adam7-interlaced 8-bit RGB PNG (PIL writes no interlaced PNGs)."""
    width, height = image.size
    px = image.load()
    data = b""
    for x0, y0, dx, dy in [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]:
        xs, ys = range(x0, width, dx), range(y0, height, dy)
        if len(xs) and len(ys):
            data += b"".join(b"\x00" + bytes(c for x in xs for c in px[x, y]) for y in ys)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 1)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", zlib.compress(data)) + png_chunk(b"IEND", b"")

# A 48x32 scene: smooth gradients under a saturated rectangle and a thin line, so chroma edges show.
scene = Image.new("RGB", (48, 32))
scene.putdata([
    (230, 40, 40) if 12 <= x < 30 and 8 <= y < 22 else (20, 20, 200) if x == 38 else (4 * x + 20, 6 * y + 10, 255 - 3 * x - 2 * y)
    for y in range(32) for x in range(48)])
scene.save("jpeg420.jpg", quality=90, subsampling=2)
scene.save("jpeg444.jpg", quality=90, subsampling=0)
scene.save("progressive.jpg", quality=90, subsampling=2, progressive=True)
scene.convert("L").save("gray.jpg", quality=90)
scene.save("lossy.webp", quality=80)
open("interlaced.png", "wb").write(adam7_png(scene))
scene.save("rgb.tif", compression="tiff_lzw")
shutil.copyfile("jpeg444.jpg", "jpeg-content.png")  # a JPEG named .png: decoders go by content

# Palette with tRNS: indices (x + y) % 4 into palette.png's colours, index 1 half transparent and index 2 clear.
trns = Image.new("P", (12, 8))
trns.putpalette([255, 0, 0, 0, 255, 0, 0, 0, 255, 17, 34, 51])
trns.putdata([(x + y) % 4 for y in range(8) for x in range(12)])
trns.info["transparency"] = bytes([255, 128, 0, 255])
trns.save("palette_trns.png", transparency=bytes([255, 128, 0, 255]))

# Tiny and thin images.
Image.new("RGB", (1, 1), (200, 100, 50)).save("one.png")
Image.new("RGB", (1, 1), (200, 100, 50)).save("one.jpg", quality=95)
wide = Image.new("RGB", (1000, 3))
wide.putdata([(x % 256, (x * 7) % 256, 40 * y) for y in range(3) for x in range(1000)])
wide.save("wide.png")
wide.save("wide.jpg", quality=95)

inputs = ["gray.png", "palette.png", "palette_trns.png", "rgba.png", "gray_alpha.png", "rgb16.png", "gray16.png",
          "interlaced.png", "one.png", "wide.png", "palette.gif", "animated.gif", "rgb.bmp", "rgb.webp", "lossy.webp",
          "jpeg420.jpg", "jpeg444.jpg", "progressive.jpg", "gray.jpg", "cmyk.jpg", "one.jpg", "wide.jpg",
          "jpeg-content.png", "rgb.tif"] + [f"exif{o}.jpg" for o in range(1, 9)]
os.makedirs("expected", exist_ok=True)
for name in inputs:
    image = ImageOps.exif_transpose(Image.open(name))
    if image.mode == "I":
        # PIL 9.4 opens 16-bit gray as 32-bit "I" and convert("RGB") clips it to 255; keep the high byte instead,
        # as PIL does for 16-bit RGB (and as torchvision's own PNG decoder does).
        image = Image.fromarray((numpy.asarray(image) >> 8).astype(numpy.uint8), "L")
    open(f"expected/{name}.rgb", "wb").write(image.convert("RGB").tobytes())
    if name in ("rgba.png", "gray_alpha.png", "palette_trns.png"):
        over = Image.alpha_composite(Image.new("RGBA", image.size, (10, 200, 30, 255)), image.convert("RGBA"))
        open(f"expected/{name}.over.rgb", "wb").write(over.convert("RGB").tobytes())
    print(name, image.size, image.mode)
