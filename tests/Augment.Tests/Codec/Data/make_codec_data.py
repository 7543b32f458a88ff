#!/usr/bin/python3
"""Writes the small codec test files of this folder (Pillow 9.4); make_conformance_data.py then writes the rest and the
expected pixels. BadFileCorpus.cs builds the bad files from noise.jpg and noise.png."""
import random, struct, zlib
from PIL import Image

W, H = 12, 8

def png_chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

def raw_png(width, height, bit_depth, color_type, rows):
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, color_type, 0, 0, 0)
    data = b"".join(b"\x00" + row for row in rows)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", zlib.compress(data)) + png_chunk(b"IEND", b"")

# gray: v = (20x + 7y) % 256
gray = Image.new("L", (W, H))
gray.putdata([(20 * x + 7 * y) % 256 for y in range(H) for x in range(W)])
gray.save("gray.png")

# palette: index (x + y) % 4 into red, green, blue, (17, 34, 51)
pal = Image.new("P", (W, H))
pal.putpalette([255, 0, 0, 0, 255, 0, 0, 0, 255, 17, 34, 51])
pal.putdata([(x + y) % 4 for y in range(H) for x in range(W)])
pal.save("palette.png")

# rgba: (20x, 30y, 100, [0, 255, 128, 51][(x + 2y) % 4])
rgba = Image.new("RGBA", (W, H))
rgba.putdata([(20 * x, 30 * y, 100, [0, 255, 128, 51][(x + 2 * y) % 4]) for y in range(H) for x in range(W)])
rgba.save("rgba.png")

# 16-bit RGB: (5000x + y, 8000y + 255, 65535 - 3000x), big-endian samples
rows = [b"".join(struct.pack(">HHH", 5000 * x + y, 8000 * y + 255, 65535 - 3000 * x) for x in range(W)) for y in range(H)]
open("rgb16.png", "wb").write(raw_png(W, H, 16, 2, rows))

# 16-bit gray: 5000x + 100y
rows = [b"".join(struct.pack(">H", 5000 * x + 100 * y) for x in range(W)) for y in range(H)]
open("gray16.png", "wb").write(raw_png(W, H, 16, 0, rows))

# BMP (24-bit) and GIF (palette), same formulas as rgba's colour channels and palette.png
bmp = Image.new("RGB", (W, H))
bmp.putdata([(20 * x, 30 * y, 100) for y in range(H) for x in range(W)])
bmp.save("rgb.bmp")
pal.save("palette.gif")

# animated GIF: the first frame is palette.png, the second solid white
second = Image.new("P", (W, H))
second.putpalette([255, 255, 255] * 4)
pal.save("animated.gif", save_all=True, append_images=[second], duration=100, loop=0)

# gray + alpha: gray as gray.png, alpha 0 on even columns
la = Image.merge("LA", [gray, Image.new("L", (W, H))])
la.putdata([((20 * x + 7 * y) % 256, 0 if x % 2 == 0 else 255) for y in range(H) for x in range(W)])
la.save("gray_alpha.png")
bmp.save("rgb.webp", lossless=True)

# EXIF orientation 1..8 of one 16x8 image: quadrants red (top left), green (top right), blue (bottom left), white.
quad = Image.new("RGB", (16, 8))
quad.putdata([[(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 255)][(x >= 8) + 2 * (y >= 4)] for y in range(8) for x in range(16)])
for orientation in range(1, 9):
    exif = Image.Exif()
    exif[0x0112] = orientation
    quad.save(f"exif{orientation}.jpg", quality=95, exif=exif.tobytes())

# CMYK JPEG: 4 solid 8x8 blocks, (c, m, y, k) as below; Pillow writes Adobe (inverted) CMYK.
cmyk = Image.new("CMYK", (32, 8))
blocks = [(0, 0, 0, 0), (255, 0, 0, 0), (0, 0, 255, 128), (64, 128, 0, 32)]
cmyk.putdata([blocks[x // 8] for y in range(8) for x in range(32)])
cmyk.save("cmyk.jpg", quality=100)
decoded = Image.open("cmyk.jpg").convert("RGB")
print("cmyk block centres as RGB by Pillow:", [decoded.getpixel((8 * i + 4, 4)) for i in range(4)])

# Bases of the bad-file corpus (BadFileCorpus.cs cuts and corrupts them): 64x48 noise, so the scan and IDAT are long.
rng = random.Random(7)
noise = Image.new("RGB", (64, 48))
noise.putdata([(rng.randrange(256), rng.randrange(256), (x * 4 + y) % 256) for y in range(48) for x in range(64)])
noise.save("noise.jpg", quality=90)
noise.save("noise.png")
