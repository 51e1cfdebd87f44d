;;; emacs-driver.el --- drive the icx language server from Emacs + eglot, in batch  -*- lexical-binding: t -*-

;; Run as: ICX_STEPS=steps.json ICX_OUT=out.json emacs --batch -Q -l test/editors/emacs-driver.el
;; Reads a JSON script (env ICX_STEPS: {cmd, root, file, steps}), opens FILE (relative to ROOT)
;; in `icx-mode', connects eglot to CMD, runs the steps, writes every step's result as JSON
;; (env ICX_OUT), then exits. The steps and the expectations live in the test
;; (test/editors/emacs.test.ts); this file only transports, like nvim-driver.lua.
;;
;; Batch mode has no command loop, so whatever eglot and flymake normally leave to it is done
;; here by hand (each spot says so): no `post-command-hook' (so `eglot-ensure' never connects),
;; no idle timers (so edits are never sent and flymake never re-checks by itself), and the
;; process output is only read while we wait in `accept-process-output'.

;;; Code:

(require 'package)
;; Debian's elpa-eglot lives in /usr/share/emacs/site-lisp/elpa with the newer project and xref
;; it needs. -Q leaves site-lisp out of `load-path', so `package-directory-list' (computed from
;; it) is empty and `package-initialize' alone finds nothing: name the folder. A user's own
;; ~/.emacs.d/elpa (eglot from M-x package-install) still counts.
(dolist (dir '("/usr/share/emacs/site-lisp/elpa"))
  (when (file-directory-p dir) (add-to-list 'package-directory-list dir)))
(package-initialize)
;; ICX_PROBE: only say whether eglot loads (exit 0) or not (exit 1), for the test's skipIf.
(when (getenv "ICX_PROBE")
  (kill-emacs (if (require 'eglot nil t) 0 1)))
(require 'eglot)
(require 'flymake)
(require 'json)

(defvar icx-driver--results nil "Results of the steps run so far, newest first.")
(defvar icx-driver--out (getenv "ICX_OUT"))
(defvar icx-driver--publishes 0 "publishDiagnostics received for the driven buffer.")
(defvar icx-driver--publishes-at-edit nil "`icx-driver--publishes' at the last edit, if any.")
(defvar icx-driver--buffer nil "The driven buffer.")

(define-derived-mode icx-mode prog-mode "icx"
  "A minimal major mode for icx agreements: just enough for eglot to manage the buffer."
  (setq-local comment-start "# "))
(add-to-list 'auto-mode-alist '("\\.icx\\'" . icx-mode))

(defun icx-driver--json (value)
  "VALUE (as jsonrpc parses it: plists, vectors, :json-false) as `json-serialize' takes it."
  (cond ((eq value :json-false) :false)
        ((eq value nil) :null)
        ((eq value t) t)
        ((vectorp value) (vconcat (mapcar #'icx-driver--json value)))
        ((and (consp value) (keywordp (car value)))
         (let (out)
           (while value
             (push (car value) out)
             (push (let ((v (cadr value))) (if (null v) :null (icx-driver--json v))) out)
             (setq value (cddr value)))
           (nreverse out)))
        ((consp value) (vconcat (mapcar #'icx-driver--json value)))
        (t value)))

(defun icx-driver--finish (&optional err)
  "Write the results (and ERR, when the run stopped on it) to ICX_OUT and exit."
  (when err (push (list :error err) icx-driver--results))
  (with-temp-file icx-driver--out
    (insert (json-serialize (vconcat (mapcar #'icx-driver--json (reverse icx-driver--results))))))
  (kill-emacs 0))

(defun icx-driver--pump (seconds)
  "Let process output (server notifications, responses) arrive for up to SECONDS."
  (accept-process-output nil seconds))

(defun icx-driver--diagnostics ()
  "The buffer's flymake diagnostics: 0-based line and column, the ICX code, the message."
  (mapcar (lambda (d)
            (let* ((beg (flymake-diagnostic-beg d))
                   (lsp (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d))))
              (save-excursion
                (goto-char beg)
                (list :line (1- (line-number-at-pos))
                      :col (- beg (line-beginning-position))
                      :code (or (plist-get lsp :code) :null)
                      :message (flymake-diagnostic-text d)))))
          (sort (flymake-diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b))))))

(defun icx-driver--wait-diagnostics (step)
  "Wait until the diagnostics have STEP's :code, or (with :none t) are empty."
  (let ((deadline (+ (float-time) (/ (or (plist-get step :timeout) 10000) 1000.0)))
        (none (eq (plist-get step :none) t))
        (code (plist-get step :code))
        ok)
    (while (and (not ok) (< (float-time) deadline))
      (icx-driver--pump 0.05)
      (let ((ds (icx-driver--diagnostics)))
        ;; after an edit, "no diagnostics" counts only once the server answered that edit
        (setq ok (if none (and (null ds)
                               (or (null icx-driver--publishes-at-edit)
                                   (> icx-driver--publishes icx-driver--publishes-at-edit)))
                   (cl-some (lambda (d) (equal (plist-get d :code) code)) ds)))))
    (list :ok (if ok t :false) :published icx-driver--publishes
          :diagnostics (vconcat (icx-driver--diagnostics)))))

(defun icx-driver--set-line (step)
  "Replace the text of 0-based line STEP :line by STEP :text, as typing would."
  (goto-char (point-min))
  (forward-line (plist-get step :line))
  (delete-region (line-beginning-position) (line-end-position))
  (insert (plist-get step :text))
  (setq icx-driver--publishes-at-edit icx-driver--publishes)
  ;; eglot sends didChange from an idle timer, which batch mode never runs: send it now.
  (eglot--signal-textDocument/didChange)
  (list :ok t))

(defun icx-driver--request (step)
  "Send STEP :method with the position STEP :params :position (plus other params) and the
text document, as eglot's own commands build them, and return the server's answer."
  (let* ((params (plist-get step :params))
         (position (plist-get params :position))
         (rest (cl-loop for (k v) on params by #'cddr unless (eq k :position) append (list k v))))
    (when position (goto-char (eglot--lsp-position-to-point position)))
    (condition-case e
        (list :result (jsonrpc-request (eglot-current-server) (intern (concat ":" (plist-get step :method)))
                                       (append (eglot--TextDocumentPositionParams) rest)
                                       :timeout (/ (or (plist-get step :timeout) 10000) 1000.0)))
      (jsonrpc-error (list :error (format "%s" (or (alist-get 'jsonrpc-error-message (cddr e)) e))))
      (error (list :error (error-message-string e))))))

(defun icx-driver--format (_step)
  "Format the whole buffer through the server (`eglot-format-buffer') and return its text."
  (condition-case e
      (progn (eglot-format-buffer)
             (list :text (buffer-substring-no-properties (point-min) (point-max))))
    (error (list :error (error-message-string e)
                 :text (buffer-substring-no-properties (point-min) (point-max))))))

(defun icx-driver--run ()
  (let* ((script (json-parse-string
                  (with-temp-buffer (insert-file-contents (getenv "ICX_STEPS")) (buffer-string))
                  :object-type 'plist :array-type 'list :false-object :false))
         (root (file-name-as-directory (expand-file-name (plist-get script :root))))
         (cmd (plist-get script :cmd)))
    ;; The server as a user registers it.
    (add-to-list 'eglot-server-programs `(icx-mode . ,cmd))
    ;; The scratch workspace is no VC repository: make it the project (its root is the LSP
    ;; root and the one workspace folder), rather than whatever `project-current' guesses.
    (add-hook 'project-find-functions (lambda (_dir) `(transient . ,root)))
    (find-file (expand-file-name (plist-get script :file) root))
    (setq icx-driver--buffer (current-buffer))
    (advice-add 'eglot-handle-notification :after
                (lambda (_server method &rest params)
                  (when (and (eq method 'textDocument/publishDiagnostics)
                             (eq (find-buffer-visiting (eglot--uri-to-path (plist-get params :uri)))
                                 icx-driver--buffer))
                    (setq icx-driver--publishes (1+ icx-driver--publishes)))))
    (unless (eq major-mode 'icx-mode) (error "%s opened in %s, not icx-mode" buffer-file-name major-mode))
    ;; `eglot-ensure' waits for `post-command-hook', which batch mode never runs: start eglot
    ;; as the `eglot' command does, from `eglot-server-programs', and block until initialized.
    (let ((eglot-sync-connect t))
      (apply #'eglot (eglot--guess-contact)))
    (unless (and (eglot-current-server) eglot--managed-mode)
      (error "eglot did not connect (or does not manage the buffer)"))
    ;; flymake-mode defers its first check to `post-command-hook' or until the buffer is on
    ;; display; neither may happen in batch. Start it so eglot's backend has a report function:
    ;; every later publishDiagnostics goes straight to flymake through it.
    (flymake-start)
    (dolist (step (plist-get script :steps))
      (let* ((kind (plist-get step :kind))
             (r (pcase kind
                  ("wait-diagnostics" (icx-driver--wait-diagnostics step))
                  ("set-line" (icx-driver--set-line step))
                  ("request" (icx-driver--request step))
                  ("apply-format" (icx-driver--format step))
                  (_ (list :error (format "unknown step %s" kind))))))
        (push (append (list :kind kind) r) icx-driver--results)))))

;; A bounded run: whatever hangs (a server that never answers, a wait that never ends), the
;; results so far are written and emacs exits before the test's own 60 s kill. Timers run while
;; we wait in `accept-process-output', which every wait here does.
(run-at-time 50 nil (lambda () (icx-driver--finish "the driver ran out of time (50 s)")))
(setq eglot-connect-timeout 20)
(condition-case e
    (progn (icx-driver--run) (icx-driver--finish))
  (error (icx-driver--finish (error-message-string e))))

;;; emacs-driver.el ends here
