// A ZIP archive written as it goes, for a download of any size: each entry's local header is
// written before its data is known (general-purpose flag bit 3), its data is deflated a piece at
// a time, and its CRC-32 and sizes follow the data in a data descriptor. Nothing of an entry is
// kept but its name, CRC, sizes and offset, for the central directory at the end.
//
// Shared by the spreadsheet exports (xlsx.ts) and the report's DOCX (modules/report/document).
//
// Sizes: an entry must stay below 4 GiB (the caller splits its data: xlsx.ts starts a new sheet
// well before), so local headers and data descriptors keep 32-bit sizes, the form every reader
// takes. Offsets: the archive itself may pass 4 GiB, and then the central directory gives the
// offsets of the entries past it in a ZIP64 extra field and ends with the ZIP64 end records.
import { promisify } from 'node:util';
import { constants, crc32, deflateRaw, deflateRawSync } from 'node:zlib';

const deflate = promisify(deflateRaw) as (data: Buffer, options: { finishFlush: number }) => Promise<Buffer>;

/** The largest value a 32-bit field of the ZIP format holds; 0xffffffff itself means "see the ZIP64 field". */
const MAX_32 = 0xffffffff;
/** Bit 3: CRC and sizes follow the data. Bit 11: names are UTF-8. */
const FLAGS = 0x0808;
const DEFLATE = 8;
/** A final, empty deflate block (fixed Huffman codes): what ends the pieces below. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

interface Entry {
  name: Buffer;
  offset: number;
  crc: number;
  compressed: number;
  size: number;
}

/** MS-DOS time and date, the ZIP's own (local time of day is not kept: UTC, to the even second). */
function dosTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

export class ZipWriter {
  private written = 0;
  private readonly entries: Entry[] = [];
  private current: Entry | null = null;
  /** Every entry is dated 1980-01-01, the format's first day, as reproducible builds do: the same rows give the same bytes. */
  private readonly stamp = dosTime(new Date(Date.UTC(1980, 0, 1)));

  /** `zip64From`: the offset from which the central directory uses ZIP64 fields (a test lowers it to 0). */
  constructor(private readonly zip64From = MAX_32) {}

  private out(bytes: Buffer): Buffer {
    this.written += bytes.length;
    return bytes;
  }

  /** Starts an entry: its local header, with no CRC or sizes yet. */
  begin(name: string): Buffer {
    if (this.current) throw new Error(`ZIP entry ${this.current.name} is still open`);
    const bytes = Buffer.from(name, 'utf8');
    this.current = { name: bytes, offset: this.written, crc: 0, compressed: 0, size: 0 };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    header.writeUInt16LE(bytes.length, 26);
    return this.out(Buffer.concat([header, bytes]));
  }

  /** Deflates a piece of the open entry. Each piece ends on a byte boundary with a sync flush and no
   *  final bit, so the pieces join into one deflate stream; the dictionary restarts at each piece, which
   *  costs little for pieces of a few hundred kilobytes. Runs on libuv's thread pool, not the event loop. */
  async add(data: Buffer): Promise<Buffer> {
    const entry = this.current;
    if (!entry) throw new Error('no ZIP entry is open');
    entry.crc = crc32(data, entry.crc);
    entry.size += data.length;
    const compressed = await deflate(data, { finishFlush: constants.Z_SYNC_FLUSH });
    entry.compressed += compressed.length;
    if (entry.size > MAX_32 || entry.compressed + FINAL_BLOCK.length > MAX_32) throw new Error(`ZIP entry ${entry.name} passed 4 GiB: its data must be split`);
    return this.out(compressed);
  }

  /** Ends the open entry: the final deflate block, then the data descriptor with CRC and sizes. */
  end(): Buffer {
    const entry = this.current;
    if (!entry) throw new Error('no ZIP entry is open');
    entry.compressed += FINAL_BLOCK.length;
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(entry.crc >>> 0, 4);
    descriptor.writeUInt32LE(entry.compressed, 8);
    descriptor.writeUInt32LE(entry.size, 12);
    this.entries.push(entry);
    this.current = null;
    return this.out(Buffer.concat([FINAL_BLOCK, descriptor]));
  }

  /** A whole entry at once (a small part of the archive). */
  async entry(name: string, data: string): Promise<Buffer> {
    return Buffer.concat([this.begin(name), await this.add(Buffer.from(data, 'utf8')), this.end()]);
  }

  /** A whole entry at once, synchronously: for a small archive built in memory (a DOCX report),
   *  where the pieces are kilobytes and a trip through the thread pool buys nothing. */
  entrySync(name: string, data: string | Uint8Array): Buffer {
    const head = this.begin(name);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
    const entry = this.current as Entry;
    entry.crc = crc32(bytes, entry.crc);
    entry.size = bytes.length;
    const compressed = this.out(deflateRawSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH }));
    entry.compressed = compressed.length;
    if (entry.size > MAX_32 || entry.compressed + FINAL_BLOCK.length > MAX_32) throw new Error(`ZIP entry ${entry.name} passed 4 GiB: its data must be split`);
    return Buffer.concat([head, compressed, this.end()]);
  }

  /** The central directory and the end records; ZIP64 ones when an offset or the count needs them. */
  finish(): Buffer {
    if (this.current) throw new Error(`ZIP entry ${this.current.name} is still open`);
    const start = this.written;
    const parts: Buffer[] = [];
    for (const e of this.entries) {
      const far = e.offset >= this.zip64From;
      const header = Buffer.alloc(46);
      header.writeUInt32LE(0x02014b50, 0);
      header.writeUInt16LE(far ? 45 : 20, 4); // made by: version 4.5 (ZIP64) or 2.0, MS-DOS attributes
      header.writeUInt16LE(far ? 45 : 20, 6);
      header.writeUInt16LE(FLAGS, 8);
      header.writeUInt16LE(DEFLATE, 10);
      header.writeUInt16LE(this.stamp.time, 12);
      header.writeUInt16LE(this.stamp.date, 14);
      header.writeUInt32LE(e.crc >>> 0, 16);
      header.writeUInt32LE(e.compressed, 20);
      header.writeUInt32LE(e.size, 24);
      header.writeUInt16LE(e.name.length, 28);
      header.writeUInt16LE(far ? 12 : 0, 30);
      header.writeUInt32LE(far ? MAX_32 : e.offset, 42);
      parts.push(header, e.name);
      if (far) {
        const extra = Buffer.alloc(12);
        extra.writeUInt16LE(0x0001, 0); // ZIP64 extended information: only the offset, the one field marked
        extra.writeUInt16LE(8, 2);
        extra.writeBigUInt64LE(BigInt(e.offset), 4);
        parts.push(extra);
      }
    }
    const directory = Buffer.concat(parts);
    const size = directory.length;
    const zip64 = start >= this.zip64From || this.entries.length >= 0xffff;
    const end: Buffer[] = [];
    if (zip64) {
      const record = Buffer.alloc(56);
      record.writeUInt32LE(0x06064b50, 0);
      record.writeBigUInt64LE(44n, 4); // the size of the rest of this record
      record.writeUInt16LE(45, 12);
      record.writeUInt16LE(45, 14);
      record.writeBigUInt64LE(BigInt(this.entries.length), 24);
      record.writeBigUInt64LE(BigInt(this.entries.length), 32);
      record.writeBigUInt64LE(BigInt(size), 40);
      record.writeBigUInt64LE(BigInt(start), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeBigUInt64LE(BigInt(start + size), 8);
      locator.writeUInt32LE(1, 16); // disks in all
      end.push(record, locator);
    }
    const record = Buffer.alloc(22);
    record.writeUInt32LE(0x06054b50, 0);
    record.writeUInt16LE(zip64 ? 0xffff : this.entries.length, 8);
    record.writeUInt16LE(zip64 ? 0xffff : this.entries.length, 10);
    record.writeUInt32LE(size, 12);
    record.writeUInt32LE(zip64 ? MAX_32 : start, 16);
    end.push(record);
    return this.out(Buffer.concat([directory, ...end]));
  }
}
