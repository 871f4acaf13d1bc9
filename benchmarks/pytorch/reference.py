#!/usr/bin/env python3
"""PyTorch CPU references for Latentlab's benchmarks: the same network, data, batch size,
optimizer and epochs as a row of benchmarks/models/, trained here and timed the same way
(examples per second over the training epochs, evaluation excluded), with the row's final
test metric and this process's peak resident memory. Never part of the product.

  /usr/bin/python3 benchmarks/pytorch/reference.py ROW --mnist DIR [--epochs N] [--threads N] [--batch N] [--seed N]
  /usr/bin/python3 benchmarks/pytorch/reference.py ROW --mnist DIR --steps N [--warmup N]   (the engine benchmark's
      fixed number of steps after a warm-up, no evaluation)

Use Debian's python3 with python3-torch (and libopenblas0-pthread, so that its BLAS is OpenBLAS).
Prints one JSON object. Rows: dense_ae, vae, conv_ae, denoising_conv_ae.
"""
import argparse
import gzip
import json
import os
import struct
import sys
import time


def read_idx(path):
    """An IDX file (gzip or not) as (dims, bytes)."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    zero, kind, ndim = struct.unpack(">HBB", data[:4])
    if zero != 0 or kind != 0x08:
        raise SystemExit(f"{path}: not an unsigned-byte IDX file")
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return dims, data[4 + 4 * ndim:]


def mnist(directory, torch):
    def images(name):
        dims, raw = read_idx(os.path.join(directory, name))
        return torch.frombuffer(bytearray(raw), dtype=torch.uint8).reshape(dims[0], 1, dims[1], dims[2]).float() / 255.0
    return images("train-images-idx3-ubyte.gz"), images("t10k-images-idx3-ubyte.gz")


def peak_rss_mb():
    """This process' own peak resident memory. Not getrusage's ru_maxrss: Linux carries that over
    from the parent across fork and exec, so a child of a large JVM would report the JVM's size."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    return None


def blas_library():
    """The BLAS this process loaded (Debian's torch links the generic libblas.so.3, which the
    alternatives system points at OpenBLAS once libopenblas0-pthread is installed)."""
    with open("/proc/self/maps") as maps:
        names = {line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line}
    return ", ".join(sorted(os.path.realpath(name) for name in names))


def build(row, nn):
    if row == "dense_ae":
        return nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 32), nn.ReLU(),
                             nn.Linear(32, 256), nn.ReLU(), nn.Linear(256, 784), nn.Sigmoid())
    if row in ("conv_ae", "denoising_conv_ae"):
        # 28 -> 14 -> 7 -> 14 -> 28: 3x3 kernels, stride 2, "same" padding as in the experiment.
        return nn.Sequential(nn.Conv2d(1, 32, 3, 2, 1), nn.ReLU(), nn.Conv2d(32, 64, 3, 2, 1), nn.ReLU(),
                             nn.ConvTranspose2d(64, 32, 3, 2, 1, output_padding=1), nn.ReLU(),
                             nn.ConvTranspose2d(32, 1, 3, 2, 1, output_padding=1), nn.Sigmoid())
    if row == "vae":
        return Vae(nn)
    raise SystemExit(f"unknown row {row}; rows: dense_ae, vae, conv_ae, denoising_conv_ae")


def Vae(nn):
    import torch

    class DenseVae(nn.Module):
        """784-400-(20) with z = mu + eps * sigma, as benchmarks/models/vae-10.experiment.yaml."""

        def __init__(self):
            super().__init__()
            self.encoder = nn.Sequential(nn.Flatten(), nn.Linear(784, 400), nn.ReLU())
            self.mu = nn.Linear(400, 20)
            self.log_var = nn.Linear(400, 20)
            self.decoder = nn.Sequential(nn.Linear(20, 400), nn.ReLU(), nn.Linear(400, 784), nn.Sigmoid())

        def forward(self, x):
            h = self.encoder(x)
            mu, log_var = self.mu(h), self.log_var(h)
            z = mu + torch.randn_like(mu) * torch.exp(0.5 * log_var)
            return self.decoder(z), mu, log_var

    return DenseVae()


def loss_of(row, model, x, functional, torch):
    """The training loss, and the row's metric summed over the batch. The denoising row sees x plus
    N(0, 0.5^2), clipped to [0, 1], and is scored against the clean x (noise_std 0.5 in its experiment)."""
    if row == "vae":
        y, mu, log_var = model(x)
        bce = functional.binary_cross_entropy(y, x.flatten(1), reduction="sum")
        kl = -0.5 * torch.sum(1 + log_var - mu.pow(2) - log_var.exp())
        return (bce + kl) / x.shape[0], (bce + kl).item()  # -ELBO in nats per image
    seen = (x + 0.5 * torch.randn_like(x)).clamp_(0, 1) if row == "denoising_conv_ae" else x
    y = model(seen).reshape(x.shape[0], -1)
    bce = functional.binary_cross_entropy(y, x.flatten(1))
    return bce, bce.item() * x.shape[0]  # BCE per pixel


def steps(args, model, optimizer, train, functional, torch):
    """--steps: the engine benchmark's measure, a fixed number of steps after a warm-up."""
    order = torch.randperm(train.shape[0])
    per_epoch = train.shape[0] // args.batch

    def step(i):
        j = (i % per_epoch) * args.batch
        loss, _ = loss_of(args.row, model, train[order[j:j + args.batch]], functional, torch)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        return loss.item()

    model.train()
    for i in range(args.warmup):
        step(i)
    start = time.perf_counter()
    for i in range(args.warmup, args.warmup + args.steps):
        last = step(i)
    seconds = time.perf_counter() - start
    print(json.dumps({
        "engine": f"pytorch {torch.__version__}", "blas": blas_library(), "row": args.row,
        "threads": args.threads, "batch_size": args.batch, "steps": args.steps,
        "examples_per_second": round(args.steps * args.batch / seconds, 1), "last_loss": round(last, 5),
        "peak_rss_mb": peak_rss_mb()}))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("row")
    parser.add_argument("--mnist", required=True)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--steps", type=int, default=0, help="time this many steps instead of whole epochs")
    parser.add_argument("--warmup", type=int, default=15, help="untimed steps before --steps")
    args = parser.parse_args()
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        if os.environ.get(name) != str(args.threads):
            # The BLAS reads these at load: start again with them set, before torch is imported.
            os.environ.update({n: str(args.threads) for n in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS",
                                                              "MKL_NUM_THREADS")})
            os.execv(sys.executable, [sys.executable] + sys.argv)
    import torch
    from torch import nn
    from torch.nn import functional
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    train, test = mnist(args.mnist, torch)
    model = build(args.row, nn)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    if args.steps > 0:
        steps(args, model, optimizer, train, functional, torch)
        return
    trained = 0
    seconds = 0.0
    for _ in range(args.epochs):
        model.train()
        order = torch.randperm(train.shape[0])
        start = time.perf_counter()
        for i in range(0, train.shape[0], args.batch):
            x = train[order[i:i + args.batch]]
            loss, _ = loss_of(args.row, model, x, functional, torch)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            trained += x.shape[0]
        seconds += time.perf_counter() - start
    model.eval()
    total = 0.0
    with torch.no_grad():
        for i in range(0, test.shape[0], 1000):
            total += loss_of(args.row, model, test[i:i + 1000], functional, torch)[1]
    metric = "test_neg_elbo" if args.row == "vae" else "test_bce"
    value = total / test.shape[0]
    print(json.dumps({
        "engine": f"pytorch {torch.__version__}",
        "blas": blas_library(),
        "row": args.row, "threads": args.threads, "epochs": args.epochs, "batch_size": args.batch,
        "examples_per_second": round(trained / seconds, 1), "train_seconds": round(seconds, 2),
        "metric": metric, "value": round(value, 5),
        "peak_rss_mb": peak_rss_mb()}))


if __name__ == "__main__":
    main()
