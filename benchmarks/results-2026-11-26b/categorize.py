import sys, re, collections
# reads `perf script -F comm,tid,time,ip,sym,dso` output (one sample = block separated by blank line); first frame = leaf
cats = collections.Counter(); syms = collections.Counter(); threads = collections.Counter(); n = 0
t0 = float(sys.argv[1]) if len(sys.argv) > 1 else 0
block = []
def cat(frame):
    if 'libturbojpeg' in frame: return 'decode (libjpeg-turbo)'
    if 'libSkiaSharp' in frame: return 'decode (Skia)'
    if 'kallsyms' in frame or '[kernel' in frame: return 'kernel (page faults, scheduling, futex)'
    if 'libclrjit' in frame: return 'JIT'
    if 'libcoreclr' in frame: return 'runtime (GC, type system, stubs)'
    if re.search(r'Kernels\.Geometry\.(Resampl|ResamplePasses|BlockRange|ResizeKernelMap)', frame): return 'resample (fused resize, crop, flip)'
    if 'ResizeKernelMap' in frame: return 'kernel maps'
    if re.search(r'Augment\.Kernels\.Geometry|CropKernels|FlipKernels|StreamingRows|Views::', frame): return 'crop / flip / view copies'
    if re.search(r'Augment\.(Kernels|Transforms)', frame): return 'other transforms (normalize, colour, erasing)'
    if re.search(r'Collator|ImageBatch', frame): return 'collate / normalize into batch'
    if re.search(r'Augment\.Data|BatchJob|EpochRun|SampleWorker|WorkerGroup', frame): return 'loader bookkeeping'
    if re.search(r'System\.Threading|Monitor|SemaphoreSlim|BlockingCollection|Concurrent|Channel|SpinWait|Thread', frame): return 'synchronisation (locks, queues, waits)'
    if re.search(r'Memmove|memmove|memcpy|memset|Fill|SpanHelpers', frame): return 'memory copies / fills'
    if 'libc.so' in frame: return 'libc (malloc, memcpy)'
    return 'other: ' + re.sub(r'\(.*', '', frame.strip().split(' ', 1)[-1])[:60]
for line in sys.stdin:
    if not line.strip():
        if block:
            m = re.match(r'^(.*?)\s+(\d+)\s+(\d+\.\d+):', block[0])
            t = float(m.group(3)) if m else 0
            head = [m.group(1) if m else '?']
            if t >= t0 and len(block) > 1:
                n += 1; leaf = block[1]; c = cat(leaf); cats[c] += 1
                threads[head[0]] += 1
                if c.startswith('other') or c.startswith('runtime') or c.startswith('kernel') or c.startswith('synchron'): syms[c + ' | ' + re.sub(r'\(.*', '', leaf.strip().split(' ',1)[-1])[:90]] += 1
        block = []
    else:
        block.append(line.rstrip('\n'))
print(f"{n} samples")
for c, k in cats.most_common(): print(f"{100*k/n:6.1f}%  {c}")
print("\nby thread name:")
for c, k in threads.most_common(6): print(f"{100*k/n:6.1f}%  {c}")
print("\ntop leaf symbols in runtime/kernel/sync/other:")
for c, k in syms.most_common(25): print(f"{100*k/n:6.1f}%  {c}")
