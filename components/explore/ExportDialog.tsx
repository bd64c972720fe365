/**
 * Export: a modal dialog with a preview of the figure (the current view plus its caption citing the sources) and
 * links to download it as SVG or PNG. Links rather than automatic downloads, so the reader sees what they get.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ExportRequest } from './export-types';
import { buildFigure, PNG_SCALE, svgToPng } from './export-figure';
import { t } from '~/lib/i18n/translator';

export function ExportDialog({
  request,
  onClose,
}: {
  request: ExportRequest;
  scheme: 'light' | 'dark';
  onClose: () => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const figure = useMemo(() => buildFigure(request), [request]);
  const svgUrl = useMemo(() => URL.createObjectURL(new Blob([figure.svg], { type: 'image/svg+xml' })), [figure]);
  const [png, setPng] = useState<{ url: string } | { error: string } | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    dialogRef.current?.showModal();
    let pngUrl: string | undefined;
    svgToPng(figure.svg, figure.width, figure.height).then(
      (blob) => {
        pngUrl = URL.createObjectURL(blob);
        setPng({ url: pngUrl });
      },
      (e: Error) => setPng({ error: e.message }),
    );
    return () => {
      URL.revokeObjectURL(svgUrl);
      if (pngUrl) URL.revokeObjectURL(pngUrl);
    };
  }, [figure, svgUrl]);

  const copy = () =>
    navigator.clipboard.writeText(figure.caption).then(
      () => setCopied(true),
      () => setCopied(false),
    );

  return (
    <dialog
      class="ex-dialog"
      ref={dialogRef}
      onClose={onClose}
      aria-labelledby="ex-export-title"
      data-testid="export-dialog"
    >
      <div class="ex-dialog-inner">
        <h2 id="ex-export-title">{t(request.kind === 'map' ? 'exploreExportMap' : 'exploreExportTimeline')}</h2>
        {/* Scrolls when the figure is tall: focusable, so the keyboard can scroll it too. */}
        <div class="ex-dialog-preview" tabIndex={0} role="group" aria-label={t('exploreExportPreview')}>
          <img
            src={svgUrl}
            width={figure.width}
            height={figure.height}
            alt={t('exploreExportPreviewAlt', figure.caption)}
          />
        </div>
        <p class="ex-dialog-caption" data-testid="export-caption">
          {figure.caption}
        </p>
        <div class="ex-dialog-actions">
          <a
            class="ex-button ex-button-primary"
            href={svgUrl}
            download={`${request.fileBase}.svg`}
            data-testid="export-svg"
          >
            {t('exploreDownloadSvg')}
          </a>
          {png && 'url' in png ? (
            <a
              class="ex-button ex-button-primary"
              href={png.url}
              download={`${request.fileBase}.png`}
              data-testid="export-png"
            >
              {t('exploreDownloadPng', `${figure.width * PNG_SCALE}×${figure.height * PNG_SCALE}`)}
            </a>
          ) : (
            <span class="ex-button" aria-live="polite">
              {png && 'error' in png ? t('explorePngUnavailable', png.error) : t('explorePngPreparing')}
            </span>
          )}
          <button type="button" class="ex-button" onClick={copy}>
            {t(copied ? 'exploreCaptionCopied' : 'exploreCopyCaption')}
          </button>
          <span class="ex-spacer" />
          <button type="button" class="ex-button" onClick={() => dialogRef.current?.close()}>
            {t('exploreClose')}
          </button>
        </div>
      </div>
    </dialog>
  );
}
