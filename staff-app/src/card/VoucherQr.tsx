import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { voucherQrText, type Voucher } from '../../../core/index.ts';

/** The voucher's QR code, drawn on the tablet so a merchant can scan it from the screen. */
export function VoucherQr({ voucher }: { voucher: Voucher }) {
  const [src, setSrc] = useState<string | null>(null);
  const text = voucherQrText(voucher);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 1, width: 160 })
      .then((url) => live && setSrc(url))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [text]);
  return src ? <img className="qr" src={src} width={120} height={120} alt={`QR code of voucher ${voucher.code}`} data-testid="voucher-qr" /> : null;
}
