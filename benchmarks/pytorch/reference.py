#!/usr/bin/env python3
"""PyTorch CPU references for Latentlab's benchmarks: the same network, data, batch size,
optimizer and epochs as a row of benchmarks/models/, trained here and timed the same way
(examples per second over the training epochs, evaluation excluded), with the row's final
test metric and this process's peak resident memory. Never part of the product.

  /usr/bin/python3 benchmarks/pytorch/reference.py ROW --mnist DIR [--epochs N] [--threads N] [--batch N] [--seed N]
      [--train-limit N] [--pretrain-epochs N]
  /usr/bin/python3 benchmarks/pytorch/reference.py ROW --mnist DIR --steps N [--warmup N]   (the engine benchmark's
      fixed number of steps after a warm-up, no evaluation)

Use Debian's python3 with python3-torch (and libopenblas0-pthread, so that its BLAS is OpenBLAS).
Prints one JSON object. Rows: dense_ae, vae, conv_ae, denoising_conv_ae, vqvae, dcgan, stacked_ae, unet.
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


def mnist_labels(directory, torch):
    def labels(name):
        return torch.frombuffer(bytearray(read_idx(os.path.join(directory, name))[1]), dtype=torch.uint8).long()
    return labels("train-labels-idx1-ubyte.gz"), labels("t10k-labels-idx1-ubyte.gz")


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
    if row == "vqvae":
        return VqVae(nn)
    if row == "dcgan":
        return Dcgan(nn)
    if row == "stacked_ae":
        return StackedAe(nn)
    if row == "unet":
        return UNet(nn)
    raise SystemExit(f"unknown row {row}; rows: {', '.join(ROWS)}")


ROWS = ("dense_ae", "vae", "conv_ae", "denoising_conv_ae", "vqvae", "dcgan", "stacked_ae", "unet")


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


def VqVae(nn):
    import torch

    class ConvVqVae(nn.Module):
        """benchmarks/models/vqvae.experiment.yaml: 64 codes of 16 dimensions on a 7x7 grid, commitment
        0.25, codes placed on encoder outputs at the first step, unused codes restarted every 20 steps."""

        def __init__(self, codes=64, dim=16, commitment=0.25, restart_every=20):
            super().__init__()
            self.encoder = nn.Sequential(nn.Conv2d(1, 32, 3, 2, 1), nn.ReLU(), nn.Conv2d(32, 64, 3, 2, 1), nn.ReLU(),
                                         nn.Conv2d(64, dim, 1))
            self.decoder = nn.Sequential(nn.Conv2d(dim, 64, 3, 1, 1), nn.ReLU(),
                                         nn.ConvTranspose2d(64, 32, 3, 2, 1, output_padding=1), nn.ReLU(),
                                         nn.ConvTranspose2d(32, 1, 3, 2, 1, output_padding=1), nn.Sigmoid())
            self.codebook = nn.Parameter(torch.zeros(codes, dim))
            self.commitment, self.restart_every, self.steps = commitment, restart_every, 0

        def forward(self, x):
            z = self.encoder(x)
            b, d, h, w = z.shape
            rows = z.permute(0, 2, 3, 1).reshape(-1, d)
            if self.training:
                self.steps += 1
                with torch.no_grad():
                    if self.steps == 1:
                        self.codebook.copy_(rows[torch.randint(rows.shape[0], (self.codebook.shape[0],))])
                    elif self.restart_every and self.steps % self.restart_every == 0:
                        used = torch.bincount(torch.cdist(rows, self.codebook).argmin(1), minlength=len(self.codebook))
                        dead = used == 0
                        self.codebook[dead] = rows[torch.randint(rows.shape[0], (int(dead.sum()),))]
            index = torch.cdist(rows, self.codebook).argmin(1)
            quantized = self.codebook[index]
            codebook_loss = ((quantized - rows.detach()) ** 2).mean()
            commitment_loss = ((rows - quantized.detach()) ** 2).mean()
            straight = rows + (quantized - rows).detach()
            y = self.decoder(straight.reshape(b, h, w, d).permute(0, 3, 1, 2))
            return y, codebook_loss + self.commitment * commitment_loss

    return ConvVqVae()


def Dcgan(nn):
    """benchmarks/models/dcgan.experiment.yaml: latent 100, G 100-6272-(128x7x7)-64-1 with batch norm,
    D 1-64-128 (4x4, stride 2, leaky ReLU 0.2, batch norm) then one logit; Adam 2e-4, beta1 0.5 for both."""

    class Generator(nn.Module):
        def __init__(self):
            super().__init__()
            self.dense = nn.Sequential(nn.Linear(100, 6272), nn.BatchNorm1d(6272), nn.ReLU())
            self.up = nn.Sequential(nn.ConvTranspose2d(128, 64, 4, 2, 1), nn.BatchNorm2d(64), nn.ReLU(),
                                    nn.ConvTranspose2d(64, 1, 4, 2, 1), nn.Tanh())

        def forward(self, z):
            return self.up(self.dense(z).reshape(-1, 128, 7, 7))

    class Gan(nn.Module):
        def __init__(self):
            super().__init__()
            self.generator = Generator()
            self.discriminator = nn.Sequential(nn.Conv2d(1, 64, 4, 2, 1), nn.LeakyReLU(0.2),
                                               nn.Conv2d(64, 128, 4, 2, 1), nn.BatchNorm2d(128), nn.LeakyReLU(0.2),
                                               nn.Flatten(), nn.Linear(128 * 7 * 7, 1))

    return Gan()


def StackedAe(nn):
    """benchmarks/models/stacked-autoencoder.experiment.yaml: encoder 784-500-500 (ReLU, He normal);
    per layer a decoder back to its input (sigmoid for the pixels, identity for a hidden layer) and
    a softmax head on top."""
    import torch

    class Stacked(nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = nn.ModuleList([nn.Linear(784, 500), nn.Linear(500, 500)])
            for layer in self.layers:
                nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
                nn.init.zeros_(layer.bias)
            self.decoders = nn.ModuleList([nn.Sequential(nn.Linear(500, 784), nn.Sigmoid()), nn.Linear(500, 500)])
            self.head = nn.Linear(500, 10)

        def encode(self, x, upto):
            h = x.flatten(1)
            for layer in self.layers[:upto]:
                h = torch.relu(layer(h))
            return h

        def forward(self, x):
            return self.head(self.encode(x, len(self.layers)))

    return Stacked()


def UNet(nn):
    """benchmarks/models/unet-segmentation.experiment.yaml: depth 2, 16 filters; per level two 3x3
    convolutions (no bias) with batch norm and ReLU, then a 2x2 max pool; the expanding path
    upsamples (nearest), convolves, concatenates the skip and convolves twice; a 1x1 convolution
    gives one logit per pixel."""
    import torch

    def block(inputs, filters):
        return nn.Sequential(nn.Conv2d(inputs, filters, 3, 1, 1, bias=False), nn.BatchNorm2d(filters), nn.ReLU())

    class Net(nn.Module):
        def __init__(self, depth=2, filters=16):
            super().__init__()
            self.down, channels = nn.ModuleList(), 1
            for level in range(depth):
                self.down.append(nn.Sequential(block(channels, filters << level), block(filters << level, filters << level)))
                channels = filters << level
            self.bottom = nn.Sequential(block(channels, filters << depth), block(filters << depth, filters << depth))
            self.up_conv, self.up = nn.ModuleList(), nn.ModuleList()
            channels = filters << depth
            for level in reversed(range(depth)):
                self.up_conv.append(block(channels, filters << level))
                self.up.append(nn.Sequential(block(2 * (filters << level), filters << level),
                                             block(filters << level, filters << level)))
                channels = filters << level
            self.logits = nn.Conv2d(channels, 1, 1)
            nn.init.xavier_uniform_(self.logits.weight)

        def forward(self, x):
            skips = []
            for down in self.down:
                x = down(x)
                skips.append(x)
                x = functional_max_pool(x)
            x = self.bottom(x)
            for up_conv, up, skip in zip(self.up_conv, self.up, reversed(skips)):
                x = up(torch.cat([up_conv(torch.nn.functional.interpolate(x, scale_factor=2)), skip], 1))
            return self.logits(x)

    def functional_max_pool(x):
        return torch.nn.functional.max_pool2d(x, 2)

    return Net()


def corrupt(x, torch, generator=None):
    """The U-Net row's input: N(0, 0.5^2) noise clipped to [0, 1], then a random 8x8 square set to 0."""
    noisy = (x + 0.5 * torch.randn(x.shape, generator=generator)).clamp_(0, 1)
    b, _, h, w = x.shape
    tops = torch.randint(h - 8 + 1, (b,), generator=generator)
    lefts = torch.randint(w - 8 + 1, (b,), generator=generator)
    for i in range(b):
        noisy[i, :, tops[i]:tops[i] + 8, lefts[i]:lefts[i] + 8] = 0
    return noisy


def unet_loss(model, x, functional, torch, generator=None):
    """Per-pixel cross-entropy from logits plus a soft Dice loss over the batch (dice_weight 1), and the
    batch's intersection and union of the thresholded prediction with the foreground (pixels > 0.5)."""
    target = (x > 0.5).float()
    logits = model(corrupt(x, torch, generator))
    p = torch.sigmoid(logits)
    dice = 1 - (2 * (p * target).sum() + 1) / (p.sum() + target.sum() + 1)
    mask = (p > 0.5).float()
    counts = ((mask * target).sum().item(), torch.maximum(mask, target).sum().item()) if not model.training else None
    return functional.binary_cross_entropy_with_logits(logits, target) + dice, counts


def timed_epoch(args, model, optimizer, train, labels, loss, torch):
    """One epoch in shuffled batches, loss(x, batch labels) then one optimizer step per batch; returns the
    examples trained and the seconds spent (evaluation is not in it)."""
    model.train()
    order = torch.randperm(train.shape[0])
    start = time.perf_counter()
    for i in range(0, train.shape[0], args.batch):
        batch = order[i:i + args.batch]
        value = loss(train[batch], None if labels is None else labels[batch])
        optimizer.zero_grad(set_to_none=True)
        value.backward()
        optimizer.step()
    return train.shape[0], time.perf_counter() - start


def stacked(args, model, train, train_labels, test, test_labels, functional, torch):
    """The stacked AE row: each encoder layer pre-trained for --pretrain-epochs as a one-layer
    autoencoder of the layer below's output (Adam at a tenth of the rate, a fresh one per layer;
    BCE on pixels, squared error on hidden units), then the rest of --epochs fine-tuning every
    layer and the softmax head on the labels with a fresh Adam at 1e-3."""
    trained, seconds = 0, 0.0
    layers = len(model.layers)
    for epoch in range(args.epochs):
        layer = epoch // args.pretrain_epochs if args.pretrain_epochs else layers
        if layer < layers:
            if epoch % args.pretrain_epochs == 0:
                optimizer = torch.optim.Adam(list(model.layers[layer].parameters())
                                             + list(model.decoders[layer].parameters()), lr=1e-4)
        elif epoch == layers * args.pretrain_epochs:
            optimizer = torch.optim.Adam(list(model.layers.parameters()) + list(model.head.parameters()), lr=1e-3)

        def loss(x, labels, layer=layer):
            if layer < layers:
                with torch.no_grad():
                    below = model.encode(x, layer)
                y = model.decoders[layer](torch.relu(model.layers[layer](below)))
                return functional.binary_cross_entropy(y, below) if layer == 0 else functional.mse_loss(y, below)
            return functional.cross_entropy(model(x), labels)

        examples, spent = timed_epoch(args, model, optimizer, train, train_labels, loss, torch)
        trained, seconds = trained + examples, seconds + spent
    model.eval()
    with torch.no_grad():
        accuracy = (model(test).argmax(1) == test_labels).float().mean().item()
    return trained, seconds, "test_accuracy", accuracy


def loss_of(row, model, x, functional, torch):
    """The training loss, and the row's metric summed over the batch. The denoising row sees x plus
    N(0, 0.5^2), clipped to [0, 1], and is scored against the clean x (noise_std 0.5 in its experiment)."""
    if row == "unet":
        return unet_loss(model, x, functional, torch)
    if row == "vqvae":
        y, vq_loss = model(x)
        bce = functional.binary_cross_entropy(y, x)
        mse = functional.mse_loss(y, x, reduction="sum").item() if not model.training else 0.0
        return bce + vq_loss, mse  # the squared error summed; main divides by the pixels
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


def gan(args, model, train, test, functional, torch):
    """The DCGAN row: per step one discriminator update (real and generated images as separate
    batches, as Latentlab does) and one generator update with the non-saturating loss."""
    generator, discriminator = model.generator, model.discriminator
    g_opt = torch.optim.Adam(generator.parameters(), lr=2e-4, betas=(0.5, 0.999))
    d_opt = torch.optim.Adam(discriminator.parameters(), lr=2e-4, betas=(0.5, 0.999))
    bce = functional.binary_cross_entropy_with_logits

    def step(x):
        real = x * 2 - 1
        b = x.shape[0]
        ones, zeros = torch.ones(b, 1), torch.zeros(b, 1)
        fake = generator(torch.randn(b, 100)).detach()
        d_opt.zero_grad(set_to_none=True)
        (bce(discriminator(real), ones) + bce(discriminator(fake), zeros)).backward()
        d_opt.step()
        g_opt.zero_grad(set_to_none=True)
        g_loss = bce(discriminator(generator(torch.randn(b, 100))), ones)
        g_loss.backward()
        g_opt.step()
        return g_loss.item()

    model.train()
    trained, seconds = 0, 0.0
    batches = [train[i:i + args.batch] for i in range(0, train.shape[0], args.batch)]
    if args.steps > 0:
        for i in range(args.warmup):
            step(batches[i % len(batches)])
        start = time.perf_counter()
        for i in range(args.steps):
            step(batches[(args.warmup + i) % len(batches)])
        seconds, trained = time.perf_counter() - start, args.steps * args.batch
    else:
        for _ in range(args.epochs):
            order = torch.randperm(train.shape[0])
            start = time.perf_counter()
            for i in range(0, train.shape[0], args.batch):
                x = train[order[i:i + args.batch]]
                step(x)
                trained += x.shape[0]
            seconds += time.perf_counter() - start
    model.eval()
    with torch.no_grad():
        d_real = torch.sigmoid(discriminator(test[:1000] * 2 - 1)).mean().item()
    print(json.dumps({
        "engine": f"pytorch {torch.__version__}", "blas": blas_library(), "row": args.row,
        "threads": args.threads, "epochs": args.epochs, "batch_size": args.batch,
        "examples_per_second": round(trained / seconds, 1), "train_seconds": round(seconds, 2),
        "metric": "test_d_real", "value": round(d_real, 5), "peak_rss_mb": peak_rss_mb()}))


def epochs(args, model, train, test, functional, torch):
    """Whole epochs with one Adam at 1e-3 (or the engine benchmark's --steps), then the row's test metric."""
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    if args.steps > 0:
        steps(args, model, optimizer, train, functional, torch)
        raise SystemExit(0)
    trained, seconds = 0, 0.0
    for _ in range(args.epochs):
        examples, spent = timed_epoch(args, model, optimizer, train, None,
                                      lambda x, labels: loss_of(args.row, model, x, functional, torch)[0], torch)
        trained, seconds = trained + examples, seconds + spent
    model.eval()
    with torch.no_grad():
        if args.row == "unet":
            corruption = torch.Generator().manual_seed(20151118)  # the same corrupted test set at every evaluation
            counts = [unet_loss(model, test[i:i + 1000], functional, torch, corruption)[1]
                      for i in range(0, test.shape[0], 1000)]
            return trained, seconds, "test_iou", sum(c[0] for c in counts) / sum(c[1] for c in counts)
        total = sum(loss_of(args.row, model, test[i:i + 1000], functional, torch)[1] for i in range(0, test.shape[0], 1000))
    metric = {"vae": "test_neg_elbo", "vqvae": "test_mse"}.get(args.row, "test_bce")
    return trained, seconds, metric, total / test.shape[0] / (784 if args.row == "vqvae" else 1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("row")
    parser.add_argument("--mnist", required=True)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pretrain-epochs", type=int, default=2, help="stacked_ae: pre-training epochs per layer")
    parser.add_argument("--train-limit", type=int, default=0, help="train on the first N images only")
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
    if args.train_limit > 0:
        train = train[:args.train_limit]
    model = build(args.row, nn)
    if args.row == "dcgan":
        gan(args, model, train, test, functional, torch)
        return
    if args.row == "stacked_ae":
        train_labels, test_labels = mnist_labels(args.mnist, torch)
        if args.train_limit > 0:
            train_labels = train_labels[:args.train_limit]
        trained, seconds, metric, value = stacked(args, model, train, train_labels, test, test_labels, functional, torch)
    else:
        trained, seconds, metric, value = epochs(args, model, train, test, functional, torch)
    print(json.dumps({
        "engine": f"pytorch {torch.__version__}",
        "blas": blas_library(),
        "row": args.row, "threads": args.threads, "epochs": args.epochs, "batch_size": args.batch,
        "examples_per_second": round(trained / seconds, 1), "train_seconds": round(seconds, 2),
        "metric": metric, "value": round(value, 5),
        "peak_rss_mb": peak_rss_mb()}))


if __name__ == "__main__":
    main()
