/** Discord epoch (2015-01-01): snowflakes count milliseconds from here. */
const DISCORD_EPOCH = 1_420_070_400_000n;
let counter = 0n;

/** A fresh, increasing snowflake, as Discord would mint it now. */
export function snowflake(): string {
  counter = (counter + 1n) % 4096n;
  return ((BigInt(Date.now()) - DISCORD_EPOCH) << 22n | counter).toString();
}
