//! IPv4 address arithmetic for subnet allocation: aws-cdk-lib's `NetworkBuilder` semantics
//! (blocks handed out in order, each aligned up to its own size, remaining space split evenly).

/// Parses `a.b.c.d/n` into the network's first address and prefix length.
pub(crate) fn parse_cidr(cidr: &str) -> Option<(u64, u32)> {
    let (ip, mask) = cidr.split_once('/')?;
    let mask: u32 = mask.parse().ok()?;
    let octets: Vec<u64> = ip
        .split('.')
        .map(|o| o.parse::<u64>().ok().filter(|n| *n <= 255))
        .collect::<Option<Vec<_>>>()?;
    if octets.len() != 4 || mask > 32 {
        return None;
    }
    let ip = octets.iter().fold(0, |acc, o| acc * 256 + o);
    let size = 1u64 << (32 - mask);
    // aws-cdk-lib rounds an unaligned address up to the next block.
    Some((align_up(ip, size), mask))
}

fn align_up(ip: u64, size: u64) -> u64 {
    let last = ip + size - 1;
    last - last % size
}

fn to_ip(n: u64) -> String {
    format!(
        "{}.{}.{}.{}",
        (n >> 24) & 255,
        (n >> 16) & 255,
        (n >> 8) & 255,
        n & 255
    )
}

/// Hands out subnet blocks of a VPC's range, in order.
pub(crate) struct NetworkBuilder {
    pub(crate) cidr: String,
    max: u64,
    next: u64,
}

/// Why a block could not be allocated.
pub(crate) enum AllocError {
    /// The mask is outside /16../28.
    Range(u32),
    /// Not enough room left.
    Exceeds(u32),
}

impl NetworkBuilder {
    /// The network `cidr` (`None` if it is not an IPv4 CIDR).
    pub(crate) fn new(cidr: &str) -> Option<Self> {
        let (min, mask) = parse_cidr(cidr)?;
        let max = min + (1u64 << (32 - mask)) - 1;
        Some(NetworkBuilder {
            cidr: format!("{}/{mask}", to_ip(min)),
            max,
            next: min,
        })
    }

    /// The next block of prefix `mask`.
    pub(crate) fn add_subnet(&mut self, mask: u32) -> Result<String, AllocError> {
        if !(16..=28).contains(&mask) {
            return Err(AllocError::Range(mask));
        }
        let size = 1u64 << (32 - mask);
        if self.max + 1 < self.next + size {
            return Err(AllocError::Exceeds(mask));
        }
        let start = align_up(self.next, size);
        self.next = align_up(start + size, size);
        Ok(format!("{}/{mask}", to_ip(start)))
    }

    /// The largest prefix that fits `count` equal blocks in the space left.
    pub(crate) fn mask_for_remaining(&self, count: usize) -> u32 {
        let remaining = (self.max + 1).saturating_sub(self.next);
        let per = remaining / (count.max(1) as u64);
        32 - per.max(1).ilog2()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_vpc_splits_in_four_18s() {
        let mut b = NetworkBuilder::new("10.0.0.0/16").unwrap();
        assert_eq!(b.cidr, "10.0.0.0/16");
        let m = b.mask_for_remaining(4);
        assert_eq!(m, 18);
        let got: Vec<String> = (0..4).map(|_| b.add_subnet(m).ok().unwrap()).collect();
        assert_eq!(
            got,
            [
                "10.0.0.0/18",
                "10.0.64.0/18",
                "10.0.128.0/18",
                "10.0.192.0/18"
            ]
        );
    }

    #[test]
    fn explicit_masks_then_remaining() {
        let mut b = NetworkBuilder::new("10.0.0.0/16").unwrap();
        assert_eq!(b.add_subnet(24).ok().unwrap(), "10.0.0.0/24");
        assert_eq!(b.add_subnet(24).ok().unwrap(), "10.0.1.0/24");
        let m = b.mask_for_remaining(2);
        assert_eq!(m, 18);
        // aligned up past the /24s
        assert_eq!(b.add_subnet(m).ok().unwrap(), "10.0.64.0/18");
        assert!(matches!(b.add_subnet(29), Err(AllocError::Range(29))));
    }
}
