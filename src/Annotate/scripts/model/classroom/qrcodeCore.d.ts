// The encoder alone (qrcode's core): the package's entry point would also bring its canvas, PNG and terminal
// renderers, and in Node its file writers. The types are the package's own (@types/qrcode).
declare module 'qrcode/lib/core/qrcode' {
  export { create } from 'qrcode';
}
