// The verification page's only script (a file, since the page's policy allows no inline script).
//
// 1. A share link (#grant=…) or a QR link (#token=…) carries its secret in the fragment, which the browser never sends
//    to a server; this posts it through the page's own form, once, and takes it out of the address bar and history first.
// 2. The QR code by camera or picture: the controls are in the page but hidden, so without this script they are absent.
//    The decoder (jsQR, served from this service at a versioned path) is loaded only when someone uses them. Camera frames
//    and pictures are read here in the browser; only the token read from the code is posted, through the token form,
//    never in an address.
(function () {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const grant = fragment.get('grant');
  const token = fragment.get('token');
  if (grant || token) {
    history.replaceState(null, '', location.pathname + location.search);
    const form = document.getElementById('fragment-form');
    if (grant) document.getElementById('fragment-grant').value = grant;
    else document.getElementById('fragment-token').value = token;
    form.submit();
    return;
  }
  const result = document.getElementById('result');
  if (result) result.focus();

  const scan = document.getElementById('scan');
  if (!scan || !window.HTMLCanvasElement) return;
  scan.hidden = false;
  const message = document.getElementById('scan-message');
  const cameraButton = document.getElementById('scan-camera');
  const stopButton = document.getElementById('scan-stop');
  const video = document.getElementById('scan-video');
  const imageInput = document.getElementById('scan-image');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  let decoder = null;
  let stream = null;

  function say(key) {
    const words = document.getElementById('scan-text-' + key);
    message.textContent = words ? words.textContent : '';
    message.dataset.state = key;
  }

  // the decoder's file, once, as a script of this origin (the page's policy allows nothing else)
  function loadDecoder() {
    if (decoder) return decoder;
    decoder = new Promise(function (resolve, reject) {
      if (window.jsQR) return resolve(window.jsQR);
      const script = document.createElement('script');
      script.src = scan.dataset.decoder;
      script.onload = function () { window.jsQR ? resolve(window.jsQR) : reject(new Error('no decoder')); };
      script.onerror = function () { decoder = null; reject(new Error('no decoder')); };
      document.head.appendChild(script);
    });
    return decoder;
  }

  // what a certificate's QR code holds: this page's link with the token in the fragment, a share link, or a bare token
  function verifyScanned(text) {
    const at = text.indexOf('#');
    const link = new URLSearchParams(at >= 0 ? text.slice(at + 1) : '');
    if (link.get('grant')) {
      document.getElementById('fragment-grant').value = link.get('grant');
      document.getElementById('fragment-form').submit();
      return true;
    }
    const found = link.get('token') || (/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(text.trim()) ? text.trim() : null);
    if (!found) return false;
    document.getElementById('token').value = found;
    document.getElementById('token-form').submit();
    return true;
  }

  // the pixels of an image or a video frame, at most `largest` pixels on a side (a phone photo is 12 Mpx; a QR code
  // filling a quarter of it still has several pixels per module at 1600)
  function pixels(source, width, height, largest) {
    const scale = Math.min(1, largest / Math.max(width, height));
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    context.drawImage(source, 0, 0, canvas.width, canvas.height);
    return context.getImageData(0, 0, canvas.width, canvas.height);
  }

  function decode(jsQR, image) {
    const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
    return code && code.data ? code.data : null;
  }

  imageInput.addEventListener('change', function () {
    const file = imageInput.files && imageInput.files[0];
    if (!file) return;
    stopCamera();
    say('reading');
    Promise.all([loadDecoder(), createImageBitmap(file)]).then(function (loaded) {
      const jsQR = loaded[0];
      const bitmap = loaded[1];
      let text = null;
      for (const largest of [1600, 800, 2400]) {
        text = decode(jsQR, pixels(bitmap, bitmap.width, bitmap.height, largest));
        if (text) break;
      }
      if (bitmap.close) bitmap.close();
      if (!text) say('no-code');
      else if (!verifyScanned(text)) say('not-ours');
    }).catch(function (error) {
      say(error && error.message === 'no decoder' ? 'unavailable' : 'unreadable');
    });
  });

  function stopCamera() {
    if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
    stream = null;
    video.hidden = true;
    stopButton.hidden = true;
    cameraButton.hidden = false;
  }

  cameraButton.addEventListener('click', function () {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      say('no-camera');
      return;
    }
    Promise.all([loadDecoder(), navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })])
      .then(function (ready) {
        const jsQR = ready[0];
        stream = ready[1];
        video.srcObject = stream;
        video.hidden = false;
        stopButton.hidden = false;
        cameraButton.hidden = true;
        say('looking');
        return video.play().then(function () {
          function frame() {
            if (!stream) return;
            if (video.readyState >= 2 && video.videoWidth > 0) {
              const text = decode(jsQR, pixels(video, video.videoWidth, video.videoHeight, 800));
              if (text) {
                stopCamera();
                if (verifyScanned(text)) return;
                say('not-ours');
                return;
              }
            }
            requestAnimationFrame(frame);
          }
          requestAnimationFrame(frame);
        });
      })
      .catch(function (error) {
        stopCamera();
        if (error && error.message === 'no decoder') say('unavailable');
        else say(error && (error.name === 'NotAllowedError' || error.name === 'SecurityError') ? 'denied' : 'no-camera');
      });
  });

  stopButton.addEventListener('click', function () {
    stopCamera();
    message.textContent = '';
  });
})();
